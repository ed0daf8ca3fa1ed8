package com.shellguard.session;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An administrator asked to end a running session. The row lives until the session has ended; the node that
 * relays the session finds it by its name. A table of its own, a handful of rows at most, so the nodes'
 * frequent question "anything for me?" never touches the large session audit table.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_session_termination", indexes = @Index(columnList = "gateway_node"))
public class TerminationRequest {

    @Id
    @Column(name = "session_id", length = 64)
    private String sessionId;

    @Column(name = "gateway_node", length = 255)
    private String gatewayNode;

    @Column(name = "requested_by", length = 128)
    private String requestedBy;

    private OffsetDateTime requested;

    /** The line the user is shown when the gateway, not an administrator, ends the session; null for an administrator. */
    @Column(length = 500)
    private String reason;

    protected TerminationRequest() {
    }

    /** The gateway ends the session for {@code reason}, shown to its user and kept in its audit. */
    public static TerminationRequest forReason(String sessionId, String gatewayNode, String requestedBy, String reason,
                                               OffsetDateTime requested) {
        TerminationRequest request = new TerminationRequest(sessionId, gatewayNode, requestedBy, requested);
        request.reason = reason;
        return request;
    }

    public TerminationRequest(String sessionId, String gatewayNode, String requestedBy, OffsetDateTime requested) {
        this.sessionId = sessionId;
        this.gatewayNode = gatewayNode;
        this.requestedBy = requestedBy;
        this.requested = requested;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getGatewayNode() {
        return gatewayNode;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public OffsetDateTime getRequested() {
        return requested;
    }

    public String getReason() {
        return reason;
    }
}
