package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One {@code forwardTo} pattern of a grant, {@code HOST:PORT}: a host as the target sees it (a name or address;
 * {@code [v6]} in brackets) and a port, or {@code *} for any port. {@code 127.0.0.1:*} is every port on the target's
 * own loopback address. A host of {@code *} alone is any host; elsewhere {@code *} stands for characters within one
 * label or octet, never a dot or a colon, so {@code 10.0.0.*} cannot admit the name {@code 10.0.0.1.example.org}
 * (which could resolve anywhere) and {@code *.internal} is one level below {@code internal}, as in a certificate.
 */
public record ForwardDestination(String host, int port) implements Serializable {

    /** The port of a pattern that allows every port. */
    public static final int ANY_PORT = -1;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._*:%-]{1,253}");

    /**
     * Reads a pattern.
     *
     * @throws IllegalArgumentException with a message that says what is wrong with it
     */
    public static ForwardDestination parse(String pattern) {
        String text = pattern == null ? "" : pattern.trim();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("forwardTo \"" + pattern + "\" is not HOST:PORT (for example 127.0.0.1:* or db01:5432)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("forwardTo \"" + pattern + "\": \"" + host + "\" is not a host name or address");
        }
        String port = text.substring(colon + 1);
        if (port.equals("*")) {
            return new ForwardDestination(host.toLowerCase(Locale.ROOT), ANY_PORT);
        }
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return new ForwardDestination(host.toLowerCase(Locale.ROOT), number);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("forwardTo \"" + pattern + "\": the port must be 1 to 65535 or *");
    }

    /** Whether a connection to {@code targetHost:targetPort}, as the client named it, falls under this pattern. */
    public boolean matches(String targetHost, int targetPort) {
        if (port != ANY_PORT && port != targetPort) {
            return false;
        }
        String wanted = targetHost == null ? "" : targetHost.toLowerCase(Locale.ROOT);
        if (wanted.startsWith("[") && wanted.endsWith("]")) {
            wanted = wanted.substring(1, wanted.length() - 1);
        }
        return glob(host).matcher(wanted).matches();
    }

    private static Pattern glob(String host) {
        if (host.equals("*")) {
            return Pattern.compile(".*");
        }
        List<String> parts = new ArrayList<>();
        for (String part : host.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join("[^.:]*", parts));
    }

    @Override
    public String toString() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return shown + ":" + (port == ANY_PORT ? "*" : String.valueOf(port));
    }
}
