package com.shellguard.connector.adapter.session;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a user asked for in the SSH user name. The stock client sends everything before the last
 * {@code @} of {@code ssh alice@root@web01@gateway}, so the gateway sees {@code alice@root@web01}:
 * <ul>
 * <li>{@code alice} — the gateway user alone: offer a menu;</li>
 * <li>{@code alice@web01} — server web01, with the grant's only login;</li>
 * <li>{@code alice@root@web01} — login root on server web01.</li>
 * </ul>
 */
public record TargetSelector(String user, String login, String server) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._+-]{0,127}");

    public TargetSelector {
        Objects.requireNonNull(user, "user");
    }

    public static TargetSelector parse(String sshUserName) {
        if (sshUserName == null || sshUserName.isEmpty()) {
            throw new IllegalArgumentException("empty user name");
        }
        String[] parts = sshUserName.split("@", -1);
        for (String part : parts) {
            if (!NAME.matcher(part).matches()) {
                throw new IllegalArgumentException("cannot read user name \"" + sshUserName
                        + "\": use USER, USER@SERVER or USER@LOGIN@SERVER");
            }
        }
        return switch (parts.length) {
            case 1 -> new TargetSelector(parts[0], null, null);
            case 2 -> new TargetSelector(parts[0], null, parts[1]);
            case 3 -> new TargetSelector(parts[0], parts[1], parts[2]);
            default -> throw new IllegalArgumentException("cannot read user name \"" + sshUserName
                    + "\": use USER, USER@SERVER or USER@LOGIN@SERVER");
        };
    }

    public boolean namesServer() {
        return server != null;
    }

    public TargetSelector withTarget(String chosenLogin, String chosenServer) {
        return new TargetSelector(user, chosenLogin, chosenServer);
    }
}
