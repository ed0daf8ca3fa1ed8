package com.shellguard.connector.adapter.upstream;

import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.HostKeyPresentation;
import com.shellguard.connector.api.HostKeyVerdict;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.UpstreamCredential;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * The gateway's one SSH client: opens an authenticated connection to a target for a session plan. A connection
 * negotiates only the types of the server's pinned host keys; on first contact (none pinned) it first learns every
 * key the server proves ({@link HostKeyScanner}) and has the application pin them, then connects as to a known server.
 */
public final class UpstreamConnector {

    private static final Logger LOG = Logger.getLogger(UpstreamConnector.class.getName());

    /**
     * Set on a connection whose {@code forwarded-tcpip} channels are a user's remote forwards rather than its hooks'
     * reports: the factory of those channels.
     */
    public static final AttributeKey<ChannelFactory> FORWARDED_TCPIP = new AttributeKey<>();

    private final GatewayListener listener;
    private final SshClient client;
    private final Duration timeout;
    private final HostKeyScanner scanner;
    private final HandshakeSlots handshakes = HandshakeSlots.fromEnvironment();
    /** Connections the server may close before its banner before the session is refused. */
    private static final int BANNER_ATTEMPTS = 5;

    public UpstreamConnector(GatewayListener listener, Duration timeout) {
        this.listener = listener;
        this.timeout = timeout;
        client = UpstreamClients.start();
        scanner = new HostKeyScanner(client, timeout);
    }

    public void stop() throws IOException {
        client.stop();
    }

    public ClientSession connect(String sessionId, SessionPlan plan) throws UpstreamException {
        String where = "server " + plan.server() + " (" + plan.host() + ":" + plan.port() + ")";
        List<String> pinned = plan.hostKeys().isEmpty() ? pinOnFirstContact(sessionId, plan, where) : plan.hostKeys();
        HostKeyTypes types = HostKeyTypes.of(pinned);
        PinnedHostKeys known = PinnedHostKeys.of(pinned);
        for (int attempt = 1; ; attempt++) {
            try {
                return connectOnce(sessionId, plan, where, types, known);
            } catch (DroppedBeforeBanner dropped) {
                if (attempt >= BANNER_ATTEMPTS) {
                    throw new UpstreamException(where + " closed the connection before saying hello, " + BANNER_ATTEMPTS
                            + " times (too many connections at once: sshd's MaxStartups)", dropped.getCause());
                }
                LOG.fine(() -> where + " closed a connection before its banner; connecting again");
                pause(attempt);
            }
        }
    }

    /**
     * One connection and its authentication, holding one of the server's handshake slots ({@link HandshakeSlots})
     * until authentication is decided.
     *
     * @throws DroppedBeforeBanner when the server closed the connection before its banner, as sshd does to
     *                             connections beyond its MaxStartups: worth another try
     */
    private ClientSession connectOnce(String sessionId, SessionPlan plan, String where, HostKeyTypes types, PinnedHostKeys known)
            throws UpstreamException, DroppedBeforeBanner {
        HandshakeSlots.Slot slot;
        try {
            slot = handshakes.acquire(plan.host(), plan.port(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(where + ": interrupted while waiting to connect", e);
        }
        try (slot) {
            return authenticate(sessionId, plan, where, types, known);
        }
    }

    /** A key the server proves is trusted when the plan has it pinned ({@link PinnedHostKeys}), else as the application decides. */
    private ClientSession authenticate(String sessionId, SessionPlan plan, String where, HostKeyTypes types, PinnedHostKeys known)
            throws UpstreamException, DroppedBeforeBanner {
        UpstreamAttempt attempt = new UpstreamAttempt(types, key -> known.includes(key) ? null
                : verdict(sessionId, plan.server(), List.of(PublicKeyEntry.toString(key))));
        ClientSession session;
        try {
            session = client.connect(plan.connectAs(), plan.host(), plan.port(),
                    AttributeRepository.ofKeyValuePair(UpstreamAttempt.KEY, attempt), null)
                    .verify(timeout).getSession();
        } catch (IOException | RuntimeException e) {
            throw new UpstreamException(where + " is unreachable: " + describe(e), e);
        }
        try {
            addIdentity(session, plan);
            session.auth().verify(timeout);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close(true);
            if (attempt.hostKeyRefusal() != null) {
                throw new UpstreamException(attempt.hostKeyRefusal(), e);
            }
            if (session.getServerVersion() == null && !isTimeout(e)) {
                throw new DroppedBeforeBanner(e);
            }
            String offer = attempt.serverHostKeyAlgorithms();
            if (offer != null && types.restrict(offer).isEmpty()) {
                presentUnpinnedKeys(sessionId, plan);
                throw new UpstreamException("host key for server " + plan.server() + " has changed: it offers no key of the"
                        + " pinned type (" + types + "), only " + offer + ": refusing to connect", e);
            }
            if (e instanceof IllegalArgumentException) {
                throw new UpstreamException("the stored credential for " + plan.connectAs() + " on " + plan.server()
                        + " cannot be used: " + e.getMessage(), e);
            }
            if (!session.isOpen() && !session.isAuthenticated() && isTimeout(e)) {
                throw new UpstreamException(where + " did not answer in time", e);
            }
            throw new UpstreamException(where + " refused login " + plan.connectAs()
                    + " with the stored credential (" + describe(e) + ")", e);
        }
    }

    /** Waits a little longer after each dropped attempt: 100, 200, 400, 800 ms, with jitter. */
    private static void pause(int attempt) throws UpstreamException {
        long millis = 100L << (attempt - 1);
        try {
            Thread.sleep(millis + java.util.concurrent.ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while waiting to connect again", e);
        }
    }

    /** The server closed the connection before its SSH banner: the way sshd drops connections beyond MaxStartups. */
    private static final class DroppedBeforeBanner extends Exception {
        private static final long serialVersionUID = 1L;

        DroppedBeforeBanner(Throwable cause) {
            super(cause);
        }
    }

    /** Learns every key the server proves and asks the application to pin them; returns the keys now pinned. */
    private List<String> pinOnFirstContact(String sessionId, SessionPlan plan, String where) throws UpstreamException {
        HostKeyScan scan;
        try {
            scan = scanner.scan(plan.host(), plan.port());
        } catch (UpstreamException e) {
            throw new UpstreamException(e.getMessage().replace("server " + plan.host() + ":" + plan.port(), where), e.getCause());
        }
        String refusal = verdict(sessionId, plan.server(), scan.hostKeys());
        if (refusal != null) {
            throw new UpstreamException(refusal, null);
        }
        return scan.hostKeys();
    }

    /**
     * A server that offers none of the pinned key types never proved a key in the connection, so the application
     * has not seen the change: the keys it proves instead go to the application, which refuses them and raises the
     * alert a changed key of a pinned type would. The session is refused either way; a scan that fails only loses
     * the alert, and is logged.
     */
    private void presentUnpinnedKeys(String sessionId, SessionPlan plan) {
        try {
            verdict(sessionId, plan.server(), scanner.scan(plan.host(), plan.port()).hostKeys());
        } catch (UpstreamException e) {
            LOG.log(Level.WARNING, "server " + plan.server() + " offers no pinned host key type, and its keys could not be read", e);
        }
    }

    /** The application's verdict on keys the server proved: null when trusted, else the line the user is shown. */
    private String verdict(String sessionId, String server, List<String> keys) {
        try {
            HostKeyVerdict verdict = listener.verifyHostKey(new HostKeyPresentation(sessionId, server, keys));
            return verdict.trusted() ? null : verdict.message();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "host key of " + server + " could not be checked", e);
            return "the host key of server " + server + " could not be checked: refusing to connect";
        }
    }

    private static void addIdentity(ClientSession session, SessionPlan plan) {
        UpstreamCredential credential = plan.credential();
        if (credential == null) {
            throw new IllegalArgumentException("no credential in the session plan");
        }
        if (credential.kind() == UpstreamCredential.Kind.PASSWORD) {
            session.addPasswordIdentity(credential.secret());
            return;
        }
        StoredPrivateKey.read(credential.secret()).forEach(session::addPublicKeyIdentity);
    }

    private static boolean isTimeout(Throwable e) {
        return e instanceof SshException && String.valueOf(e.getMessage()).contains("timeout");
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        if (root instanceof NoRouteToHostException) {
            return "no route to host";
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
