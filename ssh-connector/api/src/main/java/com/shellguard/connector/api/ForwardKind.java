package com.shellguard.connector.api;

import java.util.Locale;

/**
 * The kinds of port forwarding a grant may allow, as {@code ssh} names them: {@code -L} (local), {@code -R} (remote)
 * and {@code -D} (dynamic, SOCKS). On the wire a dynamic forward is a local one: the client opens the same
 * {@code direct-tcpip} channel for each SOCKS connection as for each {@code -L} connection, so the gateway cannot
 * tell them apart and treats either grant as allowing such channels ({@link ForwardingPolicy}).
 */
public enum ForwardKind {
    LOCAL, REMOTE, DYNAMIC;

    /** The word grants and the audit use: {@code local}, {@code remote}, {@code dynamic}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a word names, in any case; null when it names none. */
    public static ForwardKind ofWire(String word) {
        for (ForwardKind kind : values()) {
            if (kind.name().equalsIgnoreCase(word)) {
                return kind;
            }
        }
        return null;
    }
}
