package com.shellguard.server;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.command.audit.AlertKind;
import com.shellguard.command.audit.AlertRecord;
import com.shellguard.command.audit.CommandAuditRepository;
import com.shellguard.common.Clock;
import com.shellguard.connector.api.HostKeyPresentation;
import com.shellguard.connector.api.HostKeyVerdict;
import com.shellguard.openssh.SshPublicKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides, for each connection to a server, whether the host keys it proved are pinned ones; on first contact pins
 * them all. Anything but a match is decided again on the server's row read afresh and locked: concurrent first
 * contacts (on any node) are decided one after the other, so the second compares with what the first pinned instead
 * of pinning keys of its own, and a node's stale copy of the row cannot refuse a key another node just pinned.
 * Pinning and every refused change are alerts, with the session that met them.
 */
@Stateless
public class HostKeyService {

    private static final Logger LOG = Logger.getLogger(HostKeyService.class.getName());

    @Inject
    ServerRepository servers;

    @Inject
    CommandAuditRepository alerts;

    @Inject
    AuditRepository audit;

    public HostKeyVerdict verify(HostKeyPresentation presentation) {
        String name = presentation.server();
        List<SshPublicKey> presented;
        try {
            presented = presentation.hostKeys().stream().map(SshPublicKey::parse).toList();
        } catch (IllegalArgumentException e) {
            return HostKeyVerdict.distrust("the host key of server " + name + " cannot be checked: " + e.getMessage());
        }
        Optional<Server> cached = servers.find(name);
        if (cached.isEmpty()) {
            return HostKeyVerdict.distrust("unknown server " + name);
        }
        if (check(cached.get(), presented).outcome() == HostKeyCheck.Outcome.MATCHES) {
            return HostKeyVerdict.trust();
        }
        Server server = servers.findForUpdate(name).orElseThrow();
        HostKeyCheck check = check(server, presented);
        switch (check.outcome()) {
            case PIN_FIRST_SEEN -> {
                server.pinHostKeys(presented, Clock.now());
                LOG.info(check::message);
                alert(presentation.sessionId(), name, AlertKind.HOST_KEY_PINNED, check.message());
            }
            case CHANGED -> {
                LOG.warning(check::message);
                alert(presentation.sessionId(), name, AlertKind.HOST_KEY_CHANGED, check.message());
            }
            case MATCHES -> {
            }
        }
        return check.trusted() ? HostKeyVerdict.trust() : HostKeyVerdict.distrust(check.message());
    }

    private static HostKeyCheck check(Server server, List<SshPublicKey> presented) {
        return HostKeyCheck.of(server.getName(), server.pinnedKeys(), presented);
    }

    private void alert(String sessionId, String server, AlertKind kind, String detail) {
        String user = sessionId == null ? null : audit.session(sessionId).map(SessionRecord::getUserName).orElse(null);
        alerts.add(new AlertRecord(Clock.now(), sessionId, user, server, kind, detail, null));
    }
}
