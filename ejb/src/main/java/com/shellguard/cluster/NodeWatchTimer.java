package com.shellguard.cluster;

import com.shellguard.export.ExportNode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@value #PERIOD_SECONDS} seconds, this node beats and looks at the others: a node silent for
 * {@code SHELLGUARD_NODE_LOST_SECONDS} (default {@value #DEFAULT_LOST_SECONDS}, at least {@value #MIN_LOST_SECONDS}:
 * three missed beats) is taken for lost and its sessions' audit closed; a node that learns, as it beats, that it was
 * taken for lost ends those of its sessions still running ({@link NodeFence}). The node also beats once before it writes its
 * first session row ({@link #register()}), so a node started again under its old name is a new incarnation before it
 * has anything a survivor could take for the lost one's.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeWatchTimer {

    static final int PERIOD_SECONDS = 5;
    static final int DEFAULT_LOST_SECONDS = 30;
    static final int MIN_LOST_SECONDS = 3 * PERIOD_SECONDS;
    /** A watcher that could not look for longer (two beats) starts its watches over: it cannot tell who was silent. */
    static final int BLIND_AFTER_SECONDS = 2 * PERIOD_SECONDS;
    private static final Logger LOG = Logger.getLogger(NodeWatchTimer.class.getName());

    @Inject
    NodeHeartbeats heartbeats;

    @Inject
    NodeFence fence;

    @Inject
    ExportNode node;

    @Inject
    @ConfigProperty(name = "shellguard.node.lost.seconds", defaultValue = "" + DEFAULT_LOST_SECONDS)
    String lostSeconds;

    private final String incarnation = UUID.randomUUID().toString();
    private NodeSilence silence;
    private volatile boolean registered;
    private volatile boolean failing;
    /** The survivor that took this node for lost, from a beat whose fencing has not run to its end yet. */
    private volatile String takenForLostBy;

    @PostConstruct
    void configure() {
        silence = new NodeSilence(Duration.ofSeconds(threshold(lostSeconds)), Duration.ofSeconds(BLIND_AFTER_SECONDS));
    }

    /** The threshold in seconds, or a message that names the setting. */
    static int threshold(String value) {
        int seconds;
        try {
            seconds = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("SHELLGUARD_NODE_LOST_SECONDS must be a number of seconds, not '" + value + "'");
        }
        if (seconds < MIN_LOST_SECONDS) {
            throw new IllegalStateException("SHELLGUARD_NODE_LOST_SECONDS must be at least " + MIN_LOST_SECONDS
                    + " (three heartbeats of " + PERIOD_SECONDS + " s), not " + seconds);
        }
        return seconds;
    }

    /** Makes sure this start of the node has beaten once; cheap after the first time. */
    public void register() {
        if (!registered) {
            beat();
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/" + PERIOD_SECONDS, persistent = false)
    void tick() {
        try {
            beat();
            fence.check(takenForLostBy);
            takenForLostBy = null;
            String self = node.name();
            for (NodeSilence.Silent silent : silence.observe(heartbeats.rows(), self, System.nanoTime())) {
                heartbeats.closeLost(silent, self);
            }
            if (failing) {
                failing = false;
                LOG.info("ShellGuard: the node's heartbeat reaches the database again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warning("ShellGuard: cannot beat or watch the other nodes (retrying every " + PERIOD_SECONDS
                        + " seconds; past SHELLGUARD_NODE_LOST_SECONDS the others take this node for lost): " + e);
            }
        }
    }

    private synchronized void beat() {
        String lostBy = heartbeats.beat(node.name(), incarnation);
        registered = true;
        if (lostBy != null) {
            takenForLostBy = lostBy;
        }
    }

    /** How long {@code name}'s heartbeat had stood still at this node's last look; null for itself or one not yet seen. */
    public Duration quietFor(String name) {
        return silence.quietFor(name);
    }
}
