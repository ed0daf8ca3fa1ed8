package com.shellguard.connector.adapter.upstream;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Learns every host key a server holds, as {@code ssh-keyscan} does: a key exchange proves exactly one host key,
 * so it runs one exchange per host-key type the server offers, each narrowed to that type, and hangs up after
 * each as soon as the key is proven, before authenticating. Every key it returns was proven by the server's signature over an exchange.
 *
 * <p>OpenSSH's {@code hostkeys-00@openssh.com} extension was the other way to learn them; MINA's client only
 * reads that announcement and cannot prove the keys in it ({@code hostkeys-prove-00@openssh.com}), and it arrives
 * only after authentication, when the stored credential has already been sent.
 */
public final class HostKeyScanner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HostKeyScanner.class.getName());
    /** The user name the scan's connections announce; they never authenticate. */
    private static final String SCAN_LOGIN = "shellguard-keyscan";

    private final SshClient client;
    private final Duration timeout;
    private final boolean owned;

    HostKeyScanner(SshClient client, Duration timeout) {
        this(client, timeout, false);
    }

    private HostKeyScanner(SshClient client, Duration timeout, boolean owned) {
        this.client = client;
        this.timeout = timeout;
        this.owned = owned;
    }

    /** A scanner with a client of its own, configured as the connector's ({@link UpstreamClients}); close it after use. */
    public static HostKeyScanner standalone(Duration timeout) {
        return new HostKeyScanner(UpstreamClients.start(), timeout, true);
    }

    /** @throws UpstreamException when the server cannot be reached or no key exchange completes */
    public HostKeyScan scan(String host, int port) throws UpstreamException {
        String where = "server " + host + ":" + port;
        Proven first = exchange(host, port, HostKeyTypes.ANY, where);
        List<String> keys = new ArrayList<>(List.of(PublicKeyEntry.toString(first.key())));
        String firstType = HostKeyTypes.typeOf(PublicKeyEntry.toString(first.key()).split(" ")[0]);
        for (String type : HostKeyTypes.ANY.offeredIn(HostKeyTypes.ANY.restrict(first.serverOffer()))) {
            if (!type.equals(firstType)) {
                try {
                    keys.add(PublicKeyEntry.toString(exchange(host, port, HostKeyTypes.only(type), where).key()));
                } catch (UpstreamException e) {
                    // a type the server offers but cannot prove is not learned (ssh-keyscan skips it too)
                    LOG.log(Level.INFO, "no " + type + " host key learned from " + where + ": " + e.getMessage());
                }
            }
        }
        return new HostKeyScan(first.serverVersion(), keys);
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            client.stop();
        }
    }

    private record Proven(String serverVersion, PublicKey key, String serverOffer) {
    }

    private Proven exchange(String host, int port, HostKeyTypes types, String where) throws UpstreamException {
        CompletableFuture<PublicKey> proven = new CompletableFuture<>();
        UpstreamAttempt attempt = new UpstreamAttempt(types, key -> {
            proven.complete(key);
            return null; // trusted only to end the exchange quietly: the connection closes before authenticating
        });
        ClientSession session;
        try {
            session = client.connect(SCAN_LOGIN, host, port, AttributeRepository.ofKeyValuePair(UpstreamAttempt.KEY, attempt), null)
                    .verify(timeout).getSession();
        } catch (IOException | RuntimeException e) {
            throw new UpstreamException(where + " is unreachable: " + UpstreamConnector.describe(e), e);
        }
        try {
            session.addCloseFutureListener(closed -> proven.completeExceptionally(attempt.failure() != null
                    ? attempt.failure() : new IOException("the server closed the connection during the key exchange")));
            PublicKey key = proven.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Proven(session.getServerVersion(), key, attempt.serverHostKeyAlgorithms());
        } catch (TimeoutException e) {
            throw new UpstreamException(where + " did not complete a key exchange in time", e);
        } catch (ExecutionException e) {
            throw new UpstreamException(where + " ended the key exchange: " + UpstreamConnector.describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(where + ": the scan was interrupted", e);
        } finally {
            session.close(true);
        }
    }
}
