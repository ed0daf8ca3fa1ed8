package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * Host keys a target server proved it holds, each by signing a key exchange, in OpenSSH form
 * ({@code ssh-ed25519 AAAA...}): the one key of a session's connection, or every key a first contact learned
 * (one key exchange per host-key type the server offers).
 */
public record HostKeyPresentation(String sessionId, String server, List<String> hostKeys) implements Serializable {

    public HostKeyPresentation {
        hostKeys = List.copyOf(hostKeys);
    }
}
