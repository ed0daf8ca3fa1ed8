package com.shellguard.connector.adapter.upstream;

import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.HostKeyPresentation;
import com.shellguard.connector.api.HostKeyVerdict;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** Asks the application whether a target's host key is the pinned one; anything but "yes" refuses. */
final class PinnedHostKeyVerifier implements ServerKeyVerifier {

    private static final Logger LOG = Logger.getLogger(PinnedHostKeyVerifier.class.getName());

    private final GatewayListener listener;

    PinnedHostKeyVerifier(GatewayListener listener) {
        this.listener = listener;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        UpstreamAttempt attempt = session.getConnectionContext() == null ? null
                : session.getConnectionContext().getAttribute(UpstreamAttempt.KEY);
        if (attempt == null) {
            return false;
        }
        try {
            HostKeyVerdict verdict = listener.verifyHostKey(
                    new HostKeyPresentation(attempt.sessionId(), attempt.server(), PublicKeyEntry.toString(serverKey)));
            if (!verdict.trusted()) {
                attempt.refuseHostKey(verdict.message());
            }
            return verdict.trusted();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "host key of " + attempt.server() + " could not be checked", e);
            attempt.refuseHostKey("the host key of server " + attempt.server() + " could not be checked: refusing to connect");
            return false;
        }
    }
}
