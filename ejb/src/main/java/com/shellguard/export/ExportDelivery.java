package com.shellguard.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Delivers one destination's queue, on the node that holds its lease: batches of events in order, each batch's
 * outcome written before the next is read, for at most {@value #TURN_MILLIS} ms a turn (the lease lasts
 * {@value #LEASE_MILLIS} ms and is renewed each batch). A failed attempt waits 1, 2, 4 ... up to
 * {@value #MAX_BACKOFF_MILLIS} ms before the next, and the events stay queued meanwhile, however long.
 */
@ApplicationScoped
public class ExportDelivery {

    private static final Logger LOG = Logger.getLogger(ExportDelivery.class.getName());
    static final long LEASE_MILLIS = 30_000;
    static final long TURN_MILLIS = 15_000;
    static final long MAX_BACKOFF_MILLIS = 60_000;
    static final int BATCH = 200;

    @Inject
    Outbox outbox;

    @Inject
    ExportNode node;

    /** Webhook clients by destination and configuration, reused across batches (connections are kept alive). */
    private final Map<String, WebhookSender> webhooks = new ConcurrentHashMap<>();
    private final Map<String, String> failing = new ConcurrentHashMap<>();

    void deliver(String destinationId) {
        String owner = node.leaseOwner();
        long start = System.currentTimeMillis();
        Optional<Outbox.Destination> leased = outbox.lease(destinationId, owner, start, start + LEASE_MILLIS);
        if (leased.isEmpty()) {
            return;
        }
        Outbox.Destination destination = leased.get();
        if (destination.nextAttemptAt() > start) {
            return;
        }
        while (System.currentTimeMillis() - start < TURN_MILLIS) {
            List<Outbox.Pending> batch = outbox.pending(destinationId, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            Delivery delivery = send(destination, batch);
            long now = System.currentTimeMillis();
            if (delivery.delivered() > 0) {
                outbox.delivered(destinationId, batch.subList(0, delivery.delivered()).stream().map(Outbox.Pending::entryId).toList(), now);
            }
            if (delivery.error() != null) {
                outbox.failed(destinationId, delivery.error(), now, MAX_BACKOFF_MILLIS);
                if (failing.put(destinationId, delivery.error()) == null) {
                    LOG.warning(() -> "ShellGuard: audit export " + destination.name() + " cannot deliver (retrying with backoff): "
                            + delivery.error());
                }
                return;
            }
            if (failing.remove(destinationId) != null) {
                LOG.info(() -> "ShellGuard: audit export " + destination.name() + " delivers again");
            }
            if (outbox.lease(destinationId, owner, now, now + LEASE_MILLIS).isEmpty()) {
                return;
            }
        }
    }

    private Delivery send(Outbox.Destination destination, List<Outbox.Pending> batch) {
        if (destination.kind() == ExportKind.SYSLOG) {
            return SyslogSender.send(destination, batch);
        }
        String key = destination.id() + " " + destination.url().uri() + " " + (destination.caPem() == null ? 0 : destination.caPem().hashCode());
        try {
            WebhookSender sender = webhooks.get(key);
            if (sender == null) {
                webhooks.keySet().removeIf(k -> k.startsWith(destination.id() + " "));
                sender = new WebhookSender(destination);
                webhooks.put(key, sender);
            }
            return sender.send(destination, batch);
        } catch (GeneralSecurityException e) {
            return Delivery.failed(0, e);
        }
    }
}
