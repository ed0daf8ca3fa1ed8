package com.shellguard.server;

import com.shellguard.common.Clock;
import com.shellguard.connector.api.HostKeyVerdict;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/** Decides, for each connection to a server, whether the host key it presents is the one to trust. */
@Stateless
public class HostKeyService {

    private static final Logger LOG = Logger.getLogger(HostKeyService.class.getName());

    @Inject
    ServerRepository servers;

    /** Trusts the pinned key, or the first key seen (pinning it); distrusts any other. */
    public HostKeyVerdict verify(String serverName, String presented) {
        Optional<Server> server = servers.find(serverName);
        if (server.isEmpty()) {
            return HostKeyVerdict.distrust("unknown server " + serverName);
        }
        HostKeyCheck check;
        try {
            check = HostKeyCheck.of(serverName, server.get().getHostKey(), presented);
        } catch (IllegalArgumentException e) {
            return HostKeyVerdict.distrust("the host key of server " + serverName + " cannot be checked: " + e.getMessage());
        }
        if (check.outcome() == HostKeyCheck.Outcome.PIN_FIRST_SEEN) {
            server.get().pinHostKey(check.presented(), Clock.now());
            LOG.info(check::message);
        } else if (!check.trusted()) {
            LOG.warning(check::message);
        }
        return check.trusted() ? HostKeyVerdict.trust() : HostKeyVerdict.distrust(check.message());
    }
}
