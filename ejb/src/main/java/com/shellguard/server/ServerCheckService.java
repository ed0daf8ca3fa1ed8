package com.shellguard.server;

import com.shellguard.openssh.HostKeyProbe;
import com.shellguard.openssh.SshPublicKey;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;

/**
 * "Test connection" for a server entry: connects from this node to the server as a session would, proves
 * the host key it presents, and compares it with the pinned one. It reads only: a key is pinned by the
 * first real session, never by a test, so testing against an impostor pins nothing.
 */
@Stateless
public class ServerCheckService {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    ServerService servers;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ServerCheck check(String name) {
        Server server = servers.get(name);
        String where = server.getName() + " (" + server.getHost() + ":" + server.getPort() + ")";
        HostKeyProbe.Answer answer;
        try {
            answer = HostKeyProbe.probe(server.getHost(), server.getPort(), TIMEOUT);
        } catch (IOException e) {
            return new ServerCheck(ServerCheck.Status.UNREACHABLE, null, null, null,
                    "server " + where + " is unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        SshPublicKey seen = answer.hostKey();
        String presented = seen.type() + " " + seen.fingerprint();
        if (server.getHostKey() == null) {
            return new ServerCheck(ServerCheck.Status.NOT_PINNED, answer.serverVersion(), seen.toString(), seen.fingerprint(),
                    "server " + where + " answers with host key " + presented + "; none is pinned yet, the first session pins it");
        }
        if (SshPublicKey.sameKey(server.getHostKey(), seen.toString())) {
            return new ServerCheck(ServerCheck.Status.MATCHES, answer.serverVersion(), seen.toString(), seen.fingerprint(),
                    "server " + where + " presents the pinned host key " + presented);
        }
        return new ServerCheck(ServerCheck.Status.CHANGED, answer.serverVersion(), seen.toString(), seen.fingerprint(),
                "host key for server " + where + " has changed (expected " + server.getHostKeyFingerprint() + ", got "
                        + presented + "): sessions are refused");
    }
}
