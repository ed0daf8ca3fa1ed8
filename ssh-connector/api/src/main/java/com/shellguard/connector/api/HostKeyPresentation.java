package com.shellguard.connector.api;

import java.io.Serializable;

/** The host key a target server presented, in OpenSSH form ({@code ssh-ed25519 AAAA...}). */
public record HostKeyPresentation(String sessionId, String server, String hostKey) implements Serializable {
}
