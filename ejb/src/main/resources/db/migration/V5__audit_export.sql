-- The audit export (README "Audit export"): destinations with their delivery lease and state, and the outbox of
-- events per destination. Times are epoch milliseconds.
CREATE TABLE sg_audit_export (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(64) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    url VARCHAR(2048) NOT NULL,
    format VARCHAR(16) NOT NULL,
    sealed_secret VARCHAR(1024),
    ca_pem VARCHAR(65536),
    created_at BIGINT NOT NULL,
    created_by VARCHAR(255),
    lease_owner VARCHAR(255),
    lease_until BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    failures INTEGER NOT NULL,
    last_error VARCHAR(1024),
    last_error_at BIGINT,
    last_delivered_at BIGINT,
    delivered_count BIGINT NOT NULL,
    CONSTRAINT sg_audit_export_name UNIQUE (name)
);

CREATE TABLE sg_audit_outbox (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    export_id VARCHAR(36) NOT NULL,
    event_id VARCHAR(128) NOT NULL,
    event_type VARCHAR(32) NOT NULL,
    queue_pos BIGINT NOT NULL,
    queued_at BIGINT NOT NULL,
    delivered_at BIGINT,
    payload VARCHAR(65536) NOT NULL
);

CREATE INDEX sg_audit_outbox_pending ON sg_audit_outbox (export_id, delivered_at, queue_pos);
