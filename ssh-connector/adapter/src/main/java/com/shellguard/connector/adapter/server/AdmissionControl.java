package com.shellguard.connector.adapter.server;

import com.shellguard.connector.adapter.session.PeerAddress;
import com.shellguard.connector.api.SourceNetwork;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionDisconnectHandler;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.session.helpers.TimeoutIndicator;

/**
 * Admits connections within the node's {@link ConnectionLimits}: counts connections that have not logged in yet (in
 * all and per {@link SourceNetwork}) and logged-in connections per gateway user, and ends, with a message the client
 * prints and an audit row ({@link LimitAudit}), a connection that would exceed a count, that takes too long to log in,
 * or that stays silent past the idle timeout.
 *
 * <p>A connection over an unauthenticated count is still accepted for a moment: the refusal is an SSH disconnect
 * message, which can only follow the client's identification line; a client that sends none (a slowloris) is dropped
 * after {@link #SILENT_REFUSED_GRACE}. A refused connection holds no place in the counts, so a flood from one address
 * fills that address's count and not the node's.
 */
final class AdmissionControl implements SessionListener, SessionDisconnectHandler {

    static final Duration SILENT_REFUSED_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(AdmissionControl.class.getName());
    private static final AttributeKey<Admission> KEY = new AttributeKey<>();

    private final ConnectionLimits limits;
    private final TrustedBalancers balancers;
    private final LimitAudit audit;
    private final Duration loginTime;
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private final Map<SourceNetwork, AtomicInteger> unauthenticatedBySource = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> connectionsByUser = new ConcurrentHashMap<>();

    /** {@code loginTime}: the limits' login time, or longer where a single sign-on in a browser needs it. */
    AdmissionControl(ConnectionLimits limits, TrustedBalancers balancers, LimitAudit audit, Duration loginTime) {
        this.limits = limits;
        this.balancers = balancers;
        this.audit = audit;
        this.loginTime = loginTime;
    }

    @Override
    public void sessionCreated(Session session) {
        InetAddress peer = source(session);
        Admission admission = new Admission(balancers.trusts(peer) ? null : SourceNetwork.of(peer));
        session.setAttribute(KEY, admission);
        admission.unauthenticated = true;
        int all = unauthenticated.incrementAndGet();
        if (exceeds(all, limits.maxUnauthenticated())) {
            admission.refuse("LIMIT_UNAUTHENTICATED", "the gateway has " + limits.maxUnauthenticated()
                    + " connections that have not logged in yet, its limit (SHELLGUARD_MAX_UNAUTHENTICATED); try again shortly");
        } else if (admission.source != null) {
            countSource(admission);
        }
        refuseIfOver(session, admission);
    }

    /**
     * The client behind a trusted balancer, from the PROXY header ({@link ProxyProtocolAcceptor}); until it came the
     * connection counted only in the node's total, as the balancer's address is every client's.
     */
    void clientBehindBalancer(Session session, InetAddress client) {
        Admission admission = session.getAttribute(KEY);
        if (admission == null) {
            return;
        }
        synchronized (admission) {
            if (!admission.unauthenticated || admission.source != null) {
                return;
            }
            admission.source = SourceNetwork.of(client);
        }
        countSource(admission);
        refuseIfOver(session, admission);
    }

    private void countSource(Admission admission) {
        if (exceeds(increment(unauthenticatedBySource, admission.source), limits.maxUnauthenticatedPerSource())) {
            admission.refuse("LIMIT_UNAUTHENTICATED_PER_SOURCE", "your address has " + limits.maxUnauthenticatedPerSource()
                    + " connections that have not logged in yet, its limit (SHELLGUARD_MAX_UNAUTHENTICATED_PER_SOURCE);"
                    + " try again shortly");
        }
    }

    private void refuseIfOver(Session session, Admission admission) {
        if (admission.refusal != null) {
            releaseUnauthenticated(admission); // a refused connection holds no place: a flood from one address fills only its own
            audit.hit(admission.refusalLimit, null, address(session), admission.refusal);
            session.getFactoryManager().getScheduledExecutorService().schedule(() -> session.close(true),
                    SILENT_REFUSED_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The client's identification line came: now a refused connection can be told why, as an SSH disconnect. */
    @Override
    public void sessionPeerIdentificationReceived(Session session, String version, List<String> extraLines) {
        Admission admission = session.getAttribute(KEY);
        if (admission != null && admission.refusal != null) {
            disconnect(session, SshConstants.SSH2_DISCONNECT_TOO_MANY_CONNECTIONS, admission.refusal);
        }
    }

    @Override
    public void sessionEvent(Session session, Event event) {
        Admission admission = session.getAttribute(KEY);
        if (event != Event.Authenticated || admission == null) {
            return;
        }
        releaseUnauthenticated(admission);
        String user = AuthenticationTrail.of(session).user();
        if (user == null) {
            return;
        }
        synchronized (admission) {
            admission.user = user;
        }
        increment(connectionsByUser, user);
    }

    /**
     * Null when one more logged-in connection of {@code user} fits the limit, else the refusal (audit reason and what
     * the client is told). Asked while the login is decided, so the client hears it as a refused login; two logins of
     * one person completing in the same instant may both pass, so the limit can be exceeded by the logins in flight.
     */
    String connectionLimitRefusal(String user) {
        AtomicInteger open = connectionsByUser.get(user);
        if (limits.maxConnectionsPerUser() <= 0 || open == null || open.get() < limits.maxConnectionsPerUser()) {
            return null;
        }
        return "LIMIT_CONNECTIONS_PER_USER: " + user + " has " + limits.maxConnectionsPerUser()
                + " connections open through this gateway node, the limit (SHELLGUARD_MAX_CONNECTIONS_PER_USER);"
                + " close one and try again";
    }

    @Override
    public void sessionClosed(Session session) {
        Admission admission = session.getAttribute(KEY);
        if (admission == null) {
            return;
        }
        releaseUnauthenticated(admission);
        String user;
        synchronized (admission) {
            user = admission.user;
            admission.user = null;
        }
        if (user != null) {
            decrement(connectionsByUser, user);
        }
    }

    @Override
    public boolean handleTimeoutDisconnectReason(Session session, TimeoutIndicator timeout) {
        switch (timeout.getStatus()) {
            case AuthTimeout -> {
                String why = "not logged in within " + loginTime.toSeconds()
                        + " seconds (SHELLGUARD_AUTH_TIMEOUT)";
                audit.hit("LIMIT_AUTH_TIMEOUT", AuthenticationTrail.of(session).user(), address(session), why);
                disconnect(session, SshConstants.SSH2_DISCONNECT_BY_APPLICATION, why);
                return true;
            }
            case IdleTimeout -> {
                String why = "no activity for " + limits.idleTimeout().toSeconds()
                        + " seconds, the gateway's idle timeout (SHELLGUARD_IDLE_TIMEOUT); the connection is closed";
                audit.hit("IDLE_TIMEOUT", AuthenticationTrail.of(session).user(), address(session), why);
                disconnect(session, SshConstants.SSH2_DISCONNECT_BY_APPLICATION, why);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void releaseUnauthenticated(Admission admission) {
        synchronized (admission) {
            if (!admission.unauthenticated) {
                return;
            }
            admission.unauthenticated = false;
        }
        unauthenticated.decrementAndGet();
        SourceNetwork source;
        synchronized (admission) {
            source = admission.source;
            admission.source = null;
        }
        if (source != null) {
            decrement(unauthenticatedBySource, source);
        }
    }

    private static boolean exceeds(int count, int limit) {
        return limit > 0 && count > limit;
    }

    private static <K> int increment(Map<K, AtomicInteger> counts, K key) {
        return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private static <K> void decrement(Map<K, AtomicInteger> counts, K key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    private static void disconnect(Session session, int reason, String why) {
        try {
            session.disconnect(reason, "shellguard: " + why);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not tell the client why it is disconnected", e);
            session.close(true);
        }
    }

    private static InetAddress source(Session session) {
        SocketAddress address = session.getIoSession().getRemoteAddress();
        return address instanceof InetSocketAddress inet ? inet.getAddress() : InetAddress.getLoopbackAddress();
    }

    private static String address(Session session) {
        return PeerAddress.of(session);
    }

    /** What admission knows of one connection. */
    private static final class Admission {
        /** Null until the PROXY header named the client of a connection from a trusted balancer. */
        SourceNetwork source;
        boolean unauthenticated;
        String user;
        String refusalLimit;
        String refusal;

        Admission(SourceNetwork source) {
            this.source = source;
        }

        void refuse(String limit, String why) {
            refusalLimit = limit;
            refusal = why;
        }
    }
}
