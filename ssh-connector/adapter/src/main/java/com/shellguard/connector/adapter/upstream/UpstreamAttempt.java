package com.shellguard.connector.adapter.upstream;

import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * Travels with one upstream connection (as its connection context) so the host-key verifier knows
 * which session and server it is checking for, and can leave behind why it refused the key.
 */
final class UpstreamAttempt {

    static final AttributeKey<UpstreamAttempt> KEY = new AttributeKey<>();

    private final String sessionId;
    private final String server;
    private volatile String hostKeyRefusal;

    UpstreamAttempt(String sessionId, String server) {
        this.sessionId = sessionId;
        this.server = server;
    }

    String sessionId() {
        return sessionId;
    }

    String server() {
        return server;
    }

    String hostKeyRefusal() {
        return hostKeyRefusal;
    }

    void refuseHostKey(String message) {
        hostKeyRefusal = message;
    }
}
