package com.shellguard.connector.adapter.upstream;

import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.UpstreamCredential;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import com.shellguard.connector.adapter.hook.HookChannelFactory;
import com.shellguard.connector.adapter.relay.TransferTuning;
import java.util.List;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

/** The gateway's one SSH client: opens an authenticated connection to a target for a session plan. */
public final class UpstreamConnector {

    private final SshClient client;
    private final Duration timeout;

    public UpstreamConnector(GatewayListener listener, Duration timeout) {
        this.timeout = timeout;
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new PinnedHostKeyVerifier(listener));
        // the only remote forwards the gateway asks for are its hooks' report channels
        client.setChannelFactories(List.of(new HookChannelFactory()));
        TransferTuning.apply(client);
        client.start();
    }

    public void stop() throws IOException {
        client.stop();
    }

    public ClientSession connect(String sessionId, SessionPlan plan) throws UpstreamException {
        String where = "server " + plan.server() + " (" + plan.host() + ":" + plan.port() + ")";
        UpstreamAttempt attempt = new UpstreamAttempt(sessionId, plan.server());
        ClientSession session;
        try {
            session = client.connect(plan.login(), plan.host(), plan.port(),
                    AttributeRepository.ofKeyValuePair(UpstreamAttempt.KEY, attempt), null)
                    .verify(timeout).getSession();
        } catch (IOException | RuntimeException e) {
            throw new UpstreamException(where + " is unreachable: " + describe(e), e);
        }
        try {
            addIdentity(session, plan);
            session.auth().verify(timeout);
            return session;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            session.close(true);
            if (attempt.hostKeyRefusal() != null) {
                throw new UpstreamException(attempt.hostKeyRefusal(), e);
            }
            if (e instanceof GeneralSecurityException || e instanceof IllegalArgumentException) {
                throw new UpstreamException("the stored credential for " + plan.login() + " on " + plan.server()
                        + " cannot be read: " + e.getMessage(), e);
            }
            if (!session.isOpen() && !session.isAuthenticated() && isTimeout(e)) {
                throw new UpstreamException(where + " did not answer in time", e);
            }
            throw new UpstreamException(where + " refused login " + plan.login()
                    + " with the stored credential (" + describe(e) + ")", e);
        }
    }

    private static void addIdentity(ClientSession session, SessionPlan plan) throws IOException, GeneralSecurityException {
        UpstreamCredential credential = plan.credential();
        if (credential == null) {
            throw new IllegalArgumentException("no credential in the session plan");
        }
        if (credential.kind() == UpstreamCredential.Kind.PASSWORD) {
            session.addPasswordIdentity(credential.secret());
            return;
        }
        Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(session, NamedResource.ofName("stored key"),
                new ByteArrayInputStream(credential.secret().getBytes(StandardCharsets.UTF_8)), FilePasswordProvider.EMPTY);
        if (keys == null || !keys.iterator().hasNext()) {
            throw new IllegalArgumentException("no private key found");
        }
        for (KeyPair key : keys) {
            session.addPublicKeyIdentity(key);
        }
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
