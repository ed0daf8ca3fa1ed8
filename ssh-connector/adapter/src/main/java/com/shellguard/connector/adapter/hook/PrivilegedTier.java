package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.SessionPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A session of the privileged tier: the gateway is logged in as the server's privileged account and the session is
 * for another login, {@code asLogin}. Everything the gateway runs for it on the target runs as root: directly when
 * the privileged account is root, else through {@code sudo -n} (passwordless sudo; a sudo that asks for a password
 * fails at once instead of waiting). The installer learns the login from its {@code sg_as_login} input and starts
 * the session under a supervisor running as root, which starts the login's shell as that login.
 *
 * @param asLogin the login the session is for
 * @param viaSudo whether root is reached through {@code sudo -n} (the privileged account is not root)
 */
public record PrivilegedTier(String asLogin, boolean viaSudo) {

    private static final String SFTP = load("/shellguard/privileged/sftp.sh");

    /** The tier for a session of {@code asLogin} carried by the privileged account {@code privilegedLogin}. */
    public static PrivilegedTier of(String asLogin, String privilegedLogin) {
        return new PrivilegedTier(asLogin, !"root".equals(privilegedLogin));
    }

    /** The plan's privileged tier, or null for a session that logs in as its own login. */
    public static PrivilegedTier of(SessionPlan plan) {
        return plan.privileged() ? of(plan.login(), plan.privilegedLogin()) : null;
    }

    /**
     * The command that serves SFTP as the plan's login in the privileged tier; null for a session that logs in as
     * its login, whose files sshd's own sftp subsystem serves.
     */
    public static String sftpCommand(SessionPlan plan) {
        return plan.privileged() ? of(plan).sftpCommand() : null;
    }

    /** The channel command that runs {@code command} (a program and its words, as one shell text) as root. */
    public String asRoot(String command) {
        return "exec " + (viaSudo ? "sudo -n " : "") + command;
    }

    /**
     * The channel command of the session's sftp subsystem: the target's sftp-server started as {@code asLogin}
     * (scripts/target/privileged/sftp.sh), not sshd's subsystem, which would serve the privileged account.
     */
    public String sftpCommand() {
        return asRoot("/bin/sh -c " + quoted(SFTP) + " sg-sftp " + quoted(asLogin));
    }

    /** The text as one shell word, taken literally. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String load(String resource) {
        try (InputStream in = PrivilegedTier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the connector was built without " + resource + " (scripts/target/privileged)");
            }
            // the comments stay in the source: the command line (which ps shows) carries the code only
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the connector", e);
        }
    }
}
