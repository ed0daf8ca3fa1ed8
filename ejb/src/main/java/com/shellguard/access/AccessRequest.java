package com.shellguard.access;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person's request for access they lack: a login on a server (or on every server of a label) for a while, and why.
 * Pending until an approver decides; approved, it names the grant it became, which ends at {@link #getExpires()}.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_access_request", indexes = {@Index(columnList = "requester"), @Index(columnList = "state")})
public class AccessRequest {

    public enum State {
        PENDING, APPROVED, DENIED, EXPIRED,
        /** Taken back while pending: by the person, or by the gateway when their account was deleted. */
        WITHDRAWN
    }

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(nullable = false, length = 128)
    private String requester;

    @Column(name = "server_name", length = 128)
    private String serverName;

    @Column(name = "server_label", length = 128)
    private String label;

    @Column(nullable = false, length = 128)
    private String login;

    /** How long the access lasts once approved, in seconds (the request's minutes may be a fraction). */
    @Column(name = "duration_seconds", nullable = false)
    private long durationSeconds;

    @Column(nullable = false, length = 1000)
    private String reason;

    /** Where the person asked: {@code api}, {@code console} or {@code ssh}. */
    @Column(nullable = false, length = 16)
    private String origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state = State.PENDING;

    private OffsetDateTime created;

    @Column(name = "decided_by", length = 128)
    private String decidedBy;

    private OffsetDateTime decided;

    @Column(name = "decision_comment", length = 1000)
    private String comment;

    @Column(name = "grant_id", length = 36)
    private String grantId;

    private OffsetDateTime expires;

    protected AccessRequest() {
    }

    public AccessRequest(String requester, String serverName, String label, String login, Duration duration,
                         String reason, String origin, OffsetDateTime created) {
        this.requester = requester;
        this.serverName = serverName;
        this.label = label;
        this.login = login;
        this.durationSeconds = duration.toSeconds();
        this.reason = reason;
        this.origin = origin;
        this.created = created;
    }

    void approve(String approver, String decisionComment, String grant, OffsetDateTime at) {
        this.state = State.APPROVED;
        this.decidedBy = approver;
        this.comment = decisionComment;
        this.decided = at;
        this.grantId = grant;
        this.expires = at.plusSeconds(durationSeconds);
    }

    void deny(String approver, String decisionComment, OffsetDateTime at) {
        this.state = State.DENIED;
        this.decidedBy = approver;
        this.comment = decisionComment;
        this.decided = at;
    }

    void withdraw(String by, String why, OffsetDateTime at) {
        this.state = State.WITHDRAWN;
        this.decidedBy = by;
        this.comment = why;
        this.decided = at;
    }

    void expire() {
        this.state = State.EXPIRED;
    }

    /** {@code login on web01} or {@code login on label db}: the request's target as people read it. */
    public String target() {
        return login + " on " + (serverName != null ? serverName : "label " + label);
    }

    public String getId() {
        return id;
    }

    public String getRequester() {
        return requester;
    }

    public String getServerName() {
        return serverName;
    }

    public String getLabel() {
        return label;
    }

    public String getLogin() {
        return login;
    }

    public Duration getDuration() {
        return Duration.ofSeconds(durationSeconds);
    }

    public String getReason() {
        return reason;
    }

    public String getOrigin() {
        return origin;
    }

    public State getState() {
        return state;
    }

    public OffsetDateTime getCreated() {
        return created;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public OffsetDateTime getDecided() {
        return decided;
    }

    public String getComment() {
        return comment;
    }

    public String getGrantId() {
        return grantId;
    }

    public OffsetDateTime getExpires() {
        return expires;
    }
}
