package com.shellguard.connector.adapter.upstream;

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
 * them before it sends its banner. Holding handshakes to {@value #PER_SERVER} per server keeps a node below that
 * default; a connection the server closes before its banner anyway (other nodes, other clients) is retried
 * ({@link UpstreamConnector}).
 *
 * <p>Limits: per node, not per cluster; keyed by host and port as the plan names them, so two names for one host
 * count apart.
 */
final class HandshakeSlots {

    /** Below sshd's default MaxStartups start (10), leaving room for other clients of the server. */
    static final int PER_SERVER = 8;

    private final ConcurrentMap<String, Semaphore> servers = new ConcurrentHashMap<>();

    /** One slot of the server, released by closing it; waits up to {@code timeout}, then goes ahead without one. */
    Slot acquire(String host, int port, Duration timeout) throws InterruptedException {
        Semaphore slots = servers.computeIfAbsent(host + ":" + port, key -> new Semaphore(PER_SERVER, true));
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
