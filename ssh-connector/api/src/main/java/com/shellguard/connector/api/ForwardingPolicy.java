package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The port forwarding a session's grants allow: one {@link Allowance} per grant that gives the login on the server,
 * each with its kinds and the destinations they may reach. A forwarded connection is allowed when one grant allows
 * both its kind and its destination, so a grant's wide {@code forwardTo} never widens another grant's kinds.
 *
 * <p>On the wire there are two operations. A {@code direct-tcpip} channel (a connection the client sends through:
 * {@code ssh -L} and {@code ssh -D} alike) needs {@code local} or {@code dynamic}, and its destination in
 * {@code forwardTo}. A {@code tcpip-forward} request ({@code ssh -R}) needs {@code remote}, and the address the
 * target is asked to listen on in {@code forwardTo} ({@code localhost} read as {@code 127.0.0.1}, an empty
 * address, which means every interface, as {@code 0.0.0.0}).
 */
public record ForwardingPolicy(List<Allowance> allowances) implements Serializable {

    public static final ForwardingPolicy NONE = new ForwardingPolicy(List.of());

    public ForwardingPolicy {
        allowances = allowances == null ? List.of() : List.copyOf(allowances);
    }

    /** One grant's share: the kinds it allows and where they may go. */
    public record Allowance(Set<ForwardKind> kinds, List<ForwardDestination> destinations) implements Serializable {

        public Allowance {
            kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
            destinations = destinations == null ? List.of() : List.copyOf(destinations);
        }

        boolean allows(ForwardKind wire) {
            return wire == ForwardKind.REMOTE ? kinds.contains(ForwardKind.REMOTE)
                    : kinds.contains(ForwardKind.LOCAL) || kinds.contains(ForwardKind.DYNAMIC);
        }

        boolean reaches(String host, int port) {
            return destinations.stream().anyMatch(d -> d.matches(host, port));
        }
    }

    /**
     * Why a forwarded connection is refused, as the user's client shows it after {@code administratively prohibited:};
     * null when a grant allows it.
     *
     * @param wire {@link ForwardKind#LOCAL} for a {@code direct-tcpip} channel, {@link ForwardKind#REMOTE} for a
     *             {@code tcpip-forward} request
     * @param host the destination, or the address to listen on for a remote forward
     */
    public String refusal(ForwardKind wire, String host, int port, String user, String server) {
        String address = address(wire, host);
        List<Allowance> ofKind = allowances.stream().filter(a -> a.allows(wire)).toList();
        if (ofKind.isEmpty()) {
            return "ShellGuard grant for " + user + " on " + server + " has no " + wire.wire() + " forwarding";
        }
        if (ofKind.stream().anyMatch(a -> a.reaches(address, port))) {
            return null;
        }
        String allowed = ofKind.stream().flatMap(a -> a.destinations().stream()).map(ForwardDestination::toString)
                .distinct().collect(Collectors.joining(", "));
        return "ShellGuard grant for " + user + " on " + server + " does not allow " + wire.wire() + " forwarding "
                + (wire == ForwardKind.REMOTE ? "on " : "to ") + address + ":" + port + " (forwardTo: " + allowed + ")";
    }

    private static String address(ForwardKind wire, String host) {
        if (wire != ForwardKind.REMOTE) {
            return host;
        }
        if (host == null || host.isEmpty() || host.equals("*")) {
            return "0.0.0.0";
        }
        return host.equalsIgnoreCase("localhost") ? "127.0.0.1" : host;
    }
}
