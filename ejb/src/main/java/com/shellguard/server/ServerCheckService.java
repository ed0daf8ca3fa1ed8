package com.shellguard.server;

import com.shellguard.connector.adapter.upstream.HostKeyScan;
import com.shellguard.connector.adapter.upstream.HostKeyScanner;
import com.shellguard.connector.adapter.upstream.UpstreamException;
import com.shellguard.openssh.SshPublicKey;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Test connection" for a server entry: from this node, learns every host key the server proves with the connector's
 * own client setup (the connector's scanner, as a library: the test runs no SSH code of its own), and compares them
 * with the pinned ones as a session would. It reads only: keys are pinned by the first real session, never by a
 * test, so testing against an impostor pins nothing.
 */
@Stateless
public class ServerCheckService {

    private static final Logger LOG = Logger.getLogger(ServerCheckService.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    ServerService servers;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ServerCheck check(String name) {
        Server server = servers.get(name);
        String where = server.getName() + " (" + server.getHost() + ":" + server.getPort() + ")";
        HostKeyScan scan;
        try (HostKeyScanner scanner = HostKeyScanner.standalone(TIMEOUT)) {
            scan = scanner.scan(server.getHost(), server.getPort());
        } catch (UpstreamException e) {
            return ServerCheck.unreachable(e.getMessage().replace("server " + server.getHost() + ":" + server.getPort(),
                    "server " + where));
        } catch (IOException e) {
            LOG.log(Level.FINE, "the test connection's client did not stop cleanly", e);
            return ServerCheck.unreachable("server " + where + " could not be tested: " + e.getMessage());
        }
        List<SshPublicKey> proven = scan.hostKeys().stream().map(SshPublicKey::parse).toList();
        return ServerCheck.compare(where, scan.serverVersion(), server.pinnedKeys(), proven);
    }
}
