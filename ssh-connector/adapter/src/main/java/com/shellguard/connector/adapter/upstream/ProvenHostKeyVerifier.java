package com.shellguard.connector.adapter.upstream;

import java.net.SocketAddress;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * Hands the host key a server proved (MINA calls this after the server's signature over the key exchange checked
 * out) to the judge of its connection; a connection without one trusts nothing.
 */
final class ProvenHostKeyVerifier implements ServerKeyVerifier {

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        UpstreamAttempt attempt = session.getConnectionContext() == null ? null
                : session.getConnectionContext().getAttribute(UpstreamAttempt.KEY);
        return attempt != null && attempt.judge(serverKey);
    }
}
