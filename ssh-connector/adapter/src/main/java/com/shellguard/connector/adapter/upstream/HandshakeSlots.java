package com.shellguard.connector.adapter.upstream;

import com.shellguard.connector.adapter.runtime.GatewaySettings;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many upstream connections to one server may be between TCP connect and authentication at once, per node.
 *
 * <p>Why: every session channel of a client is a connection of its own to the target, so one client connection that
 * opens twenty channels at once (asyncssh, paramiko, an Ansible run, VS Code) becomes twenty simultaneous
 * unauthenticated connections, where the client alone would have made one. OpenSSH's sshd drops unauthenticated
 * connections beyond {@code MaxStartups} (default {@code 10:30:100}: from the 11th on, 30% at random, rising), closing
 * them before it sends its banner. Holding handshakes to {@value #DEFAULT_PER_SERVER} per server (the setting
 * {@code SHELLGUARD_UPSTREAM_HANDSHAKES}) is exactly that default's start, so one node alone is never dropped by it; a
 * connection the server closes before its banner anyway (other nodes, other clients) is retried
 * ({@link UpstreamConnector}). A server whose sshd allows more starting connections can be reached at its own pace
 * with the setting raised to match: a handshake takes about a second on a busy target, so at ten new sessions a second
 * ten slots already make new sessions queue here.
 *
 * <p>Limits: per node, not per cluster; one figure for every server; keyed by host and port as the plan names them,
 * so two names for one host count apart.
 */
final class HandshakeSlots {

    /** sshd's default MaxStartups start: up to 10 unauthenticated connections it never drops. */
    static final int DEFAULT_PER_SERVER = 10;

    private final int perServer;
    private final ConcurrentMap<String, Semaphore> servers = new ConcurrentHashMap<>();

    /** @param perServer handshakes at once per server; 0: no limit */
    HandshakeSlots(int perServer) {
        if (perServer < 0) {
            throw new IllegalArgumentException("handshakes per server must be 0 (no limit) or more, not " + perServer);
        }
        this.perServer = perServer;
    }

    /** As {@code SHELLGUARD_UPSTREAM_HANDSHAKES} (system property {@code shellguard.upstream.handshakes}) says. */
    static HandshakeSlots fromEnvironment() {
        String text = GatewaySettings.value("shellguard.upstream.handshakes", "SHELLGUARD_UPSTREAM_HANDSHAKES",
                String.valueOf(DEFAULT_PER_SERVER));
        try {
            return new HandshakeSlots(Integer.parseInt(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SHELLGUARD_UPSTREAM_HANDSHAKES must be a whole number, 0 or more"
                    + " (0: no limit); it is '" + text + "'");
        }
    }

    /** One slot of the server, released by closing it; waits up to {@code timeout}, then goes ahead without one. */
    Slot acquire(String host, int port, Duration timeout) throws InterruptedException {
        if (perServer == 0) {
            return new Slot(null);
        }
        Semaphore slots = servers.computeIfAbsent(host + ":" + port, key -> new Semaphore(perServer, true));
        boolean held = slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new Slot(held ? slots : null);
    }

    /** A handshake in progress; closing it lets the next one start. Idempotent. */
    static final class Slot implements AutoCloseable {

        private Semaphore slots;

        private Slot(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public synchronized void close() {
            if (slots != null) {
                slots.release();
                slots = null;
            }
        }
    }
}
