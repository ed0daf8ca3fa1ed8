-- Just-in-time access (README "Access requests"): requests, their audit steps, approver groups per label, the
-- webhook settings row; grants that expire; terminations that carry the line the user is shown.

ALTER TABLE sg_grant ADD COLUMN expires TIMESTAMP;

ALTER TABLE sg_session_termination ADD COLUMN reason VARCHAR(500);

CREATE TABLE sg_access_request (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    requester VARCHAR(128) NOT NULL,
    server_name VARCHAR(128),
    server_label VARCHAR(128),
    login VARCHAR(128) NOT NULL,
    duration_seconds BIGINT NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    origin VARCHAR(16) NOT NULL,
    state VARCHAR(16) NOT NULL,
    created TIMESTAMP,
    decided_by VARCHAR(128),
    decided TIMESTAMP,
    decision_comment VARCHAR(1000),
    grant_id VARCHAR(36),
    expires TIMESTAMP
);
CREATE INDEX sg_access_request_requester ON sg_access_request (requester);
CREATE INDEX sg_access_request_state ON sg_access_request (state);

CREATE TABLE sg_access_event (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    event_time TIMESTAMP NOT NULL,
    kind VARCHAR(24) NOT NULL,
    request_id VARCHAR(36),
    grant_id VARCHAR(36),
    session_id VARCHAR(64),
    actor VARCHAR(128),
    detail VARCHAR(1000)
);
CREATE INDEX sg_access_event_request ON sg_access_event (request_id);
CREATE INDEX sg_access_event_time ON sg_access_event (event_time);

CREATE TABLE sg_access_approver (
    server_label VARCHAR(128) NOT NULL PRIMARY KEY,
    group_name VARCHAR(128) NOT NULL
);

CREATE TABLE sg_access_settings (
    id INTEGER NOT NULL PRIMARY KEY,
    webhook_url VARCHAR(2000),
    webhook_secret VARCHAR(500),
    max_minutes INTEGER NOT NULL
);
