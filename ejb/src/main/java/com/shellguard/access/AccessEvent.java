package com.shellguard.access;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One step of just-in-time access, for the audit: a request filed, approved, denied or withdrawn (by whom), the grant it
 * became, the grant's expiry, and each session that expiry ended. Rows are only ever added.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_access_event", indexes = {@Index(columnList = "request_id"), @Index(columnList = "event_time")})
public class AccessEvent {

    public enum Kind {
        REQUESTED, APPROVED, DENIED, WITHDRAWN, GRANT_CREATED, GRANT_EXPIRED, SESSION_ENDED
    }

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(name = "event_time", nullable = false)
    private OffsetDateTime time;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Kind kind;

    @Column(name = "request_id", length = 36)
    private String requestId;

    @Column(name = "grant_id", length = 36)
    private String grantId;

    @Column(name = "session_id", length = 64)
    private String sessionId;

    /** Who did it: the requester, the approver, or {@code shellguard} for the expiry. */
    @Column(length = 128)
    private String actor;

    @Column(length = 1000)
    private String detail;

    protected AccessEvent() {
    }

    public AccessEvent(OffsetDateTime time, Kind kind, String requestId, String grantId, String sessionId, String actor,
                       String detail) {
        this.time = time;
        this.kind = kind;
        this.requestId = requestId;
        this.grantId = grantId;
        this.sessionId = sessionId;
        this.actor = actor;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public String getId() {
        return id;
    }

    public OffsetDateTime getTime() {
        return time;
    }

    public Kind getKind() {
        return kind;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getGrantId() {
        return grantId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getActor() {
        return actor;
    }

    public String getDetail() {
        return detail;
    }
}
