package com.shellguard.session;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.audit.SessionStatus;
import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.NotFoundException;
import com.shellguard.connector.api.Termination;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Ends a running session on an administrator's word; the REST API and the console both come here.
 *
 * <p>The request is a database row, committed when this call returns. The node that relays the session (this
 * one or any other of the cluster) asks for its sessions' requests every 300 ms, then shows the user
 * {@code shellguard: session terminated by an administrator} and closes the connection: within a second of
 * the request, on any node. That is how rule changes reach other nodes too — through the database every
 * node already shares, with no dependence on the cluster's data grid being up. The session's audit row ends
 * {@code TERMINATED}, naming the administrator, once the node reports the session closed.
 */
@Stateless
public class SessionTerminator {

    @Inject
    AdminChangeRecorder changes;

    @Inject
    AuditRepository audit;

    @Inject
    TerminationRequests requests;

    /**
     * Asks for the session to end; returns at once, the session ends within about a second.
     *
     * @throws NotFoundException no session has this id
     * @throws ConflictException the session has already ended (or never opened)
     */
    public void terminate(String sessionId, String administrator) {
        SessionRecord session = audit.session(sessionId).orElseThrow(() -> new NotFoundException("no session " + sessionId));
        if (session.getStatus() != SessionStatus.OPEN || session.getEnded() != null) {
            throw new ConflictException("session " + sessionId + " is not running (" + session.getStatus() + ")");
        }
        requests.add(new TerminationRequest(sessionId, session.getGatewayNode(), administrator, Clock.now()));
        changes.record("session", sessionId, "terminate", ChangeFields.of().put("user", session.getUserName())
                .put("server", session.getServerName()).put("login", session.getLogin()).put("status", session.getStatus()), null);
    }

    /**
     * Ends a running session because the access it relied on ended; {@code reason} is shown to its user and kept in
     * its audit. A session that is no longer running is left alone.
     */
    public void end(SessionRecord session, String reason) {
        if (session.getStatus() == SessionStatus.OPEN && session.getEnded() == null) {
            requests.add(TerminationRequest.forReason(session.getId(), session.getGatewayNode(), "shellguard", reason,
                    Clock.now()));
        }
    }

    /** The sessions of the node that administrators asked to end and that it has not ended yet. */
    public List<Termination> requestedOn(String gatewayNode) {
        return requests.sessionsOn(gatewayNode);
    }
}
