-- The baseline: the schema of ShellGuard 0.1.0 (commit 0432539) exactly as EclipseLink's create-or-extend-tables
-- built it on a fresh database, read back from PostgreSQL 15 (pg_dump) and H2 2.2 (SCRIPT) and written once for
-- both. A database that release built is not migrated by this file but baselined at version 1 (see SchemaMigrations).
-- Constraint names are the ones EclipseLink gave (fk_*, unq_*, index_*); unnamed primary keys and unique columns get
-- the database's own names, as they did then.

CREATE TABLE sg_account (
    id VARCHAR(36) NOT NULL,
    created TIMESTAMP,
    kind VARCHAR(16) NOT NULL,
    login VARCHAR(128) NOT NULL,
    privileged_server VARCHAR(36) UNIQUE,
    sealed_secret VARCHAR(32768) NOT NULL,
    updated TIMESTAMP,
    server_id VARCHAR(36),
    PRIMARY KEY (id),
    CONSTRAINT unq_sg_account_0 UNIQUE (server_id, login)
);

CREATE TABLE sg_alert (
    id VARCHAR(36) NOT NULL,
    command_id VARCHAR(64),
    detail VARCHAR(2048),
    kind VARCHAR(32),
    server_name VARCHAR(128),
    session_id VARCHAR(64),
    alert_time TIMESTAMP,
    user_name VARCHAR(128),
    PRIMARY KEY (id)
);

CREATE TABLE sg_api_token (
    id VARCHAR(36) NOT NULL,
    created TIMESTAMP,
    last_used TIMESTAMP,
    name VARCHAR(128) NOT NULL,
    owner_name VARCHAR(128) NOT NULL,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    PRIMARY KEY (id)
);

CREATE TABLE sg_auth_event (
    id VARCHAR(36) NOT NULL,
    method VARCHAR(32),
    reason VARCHAR(1024),
    source_address VARCHAR(64),
    success BOOLEAN,
    event_time TIMESTAMP,
    user_name VARCHAR(255),
    PRIMARY KEY (id)
);

CREATE TABLE sg_command (
    id VARCHAR(36) NOT NULL,
    alert BOOLEAN,
    alias_name VARCHAR(128),
    caller_process VARCHAR(1024),
    canonical_path VARCHAR(1024),
    command_id VARCHAR(64),
    cwd VARCHAR(1024),
    depth INTEGER,
    duration_ms BIGINT,
    exit_status INTEGER,
    function_name VARCHAR(128),
    line_id VARCHAR(64),
    login VARCHAR(128),
    origin VARCHAR(16),
    parent_process VARCHAR(1024),
    program_path VARCHAR(1024),
    program VARCHAR(1024),
    reason VARCHAR(1024),
    resolution VARCHAR(16),
    shell_role VARCHAR(16),
    rule_name VARCHAR(128),
    server_name VARCHAR(128),
    session_id VARCHAR(64),
    shell VARCHAR(16),
    source_file VARCHAR(1024),
    source_line INTEGER,
    command_text VARCHAR(8192),
    command_time TIMESTAMP,
    typed_line VARCHAR(8192),
    run_uid VARCHAR(16),
    user_name VARCHAR(128),
    verdict VARCHAR(16),
    PRIMARY KEY (id)
);

CREATE TABLE sg_command_default (
    id VARCHAR(36) NOT NULL,
    created TIMESTAMP,
    label VARCHAR(128) NOT NULL UNIQUE,
    command_mode VARCHAR(16) NOT NULL,
    supervisor VARCHAR(8),
    updated TIMESTAMP,
    PRIMARY KEY (id)
);

CREATE TABLE sg_command_policy_version (
    id INTEGER NOT NULL,
    policy_version BIGINT NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE sg_command_rule (
    id VARCHAR(36) NOT NULL,
    rule_action VARCHAR(16) NOT NULL,
    created TIMESTAMP,
    description VARCHAR(1024),
    match_kind VARCHAR(16) NOT NULL,
    name VARCHAR(128) NOT NULL UNIQUE,
    pattern VARCHAR(1024) NOT NULL,
    priority INTEGER,
    updated TIMESTAMP,
    PRIMARY KEY (id)
);

CREATE TABLE sg_command_rule_group (
    rule_id VARCHAR(36),
    group_name VARCHAR(128)
);

CREATE TABLE sg_command_rule_label (
    rule_id VARCHAR(36),
    label VARCHAR(128)
);

CREATE TABLE sg_command_rule_login (
    rule_id VARCHAR(36),
    login VARCHAR(128)
);

CREATE TABLE sg_command_rule_server (
    rule_id VARCHAR(36),
    server_name VARCHAR(128)
);

CREATE TABLE sg_command_rule_user (
    rule_id VARCHAR(36),
    user_name VARCHAR(128)
);

CREATE TABLE sg_file_transfer (
    id VARCHAR(36) NOT NULL,
    action VARCHAR(16),
    bytes BIGINT,
    detail VARCHAR(1024),
    login VARCHAR(128),
    other_path VARCHAR(4096),
    path VARCHAR(4096),
    result VARCHAR(16),
    server_name VARCHAR(128),
    session_id VARCHAR(64),
    transfer_time TIMESTAMP,
    user_name VARCHAR(128),
    PRIMARY KEY (id)
);

CREATE TABLE sg_forward (
    id VARCHAR(36) NOT NULL,
    bytes_from_target BIGINT,
    bytes_to_target BIGINT,
    client_address VARCHAR(64),
    destination VARCHAR(300),
    duration_ms BIGINT,
    gateway_node VARCHAR(128),
    kind VARCHAR(16),
    login VARCHAR(128),
    message VARCHAR(1024),
    originator VARCHAR(300),
    result VARCHAR(16),
    server_name VARCHAR(128),
    session_id VARCHAR(64),
    started TIMESTAMP,
    user_name VARCHAR(128),
    PRIMARY KEY (id)
);

CREATE TABLE sg_grant (
    id VARCHAR(36) NOT NULL,
    created TIMESTAMP,
    group_name VARCHAR(128),
    server_label VARCHAR(128),
    server_name VARCHAR(128),
    user_name VARCHAR(128),
    PRIMARY KEY (id)
);

CREATE TABLE sg_grant_forward_to (
    grant_id VARCHAR(36),
    destination VARCHAR(300),
    position INTEGER
);

CREATE TABLE sg_grant_forwarding (
    grant_id VARCHAR(36),
    kind VARCHAR(16)
);

CREATE TABLE sg_grant_login (
    grant_id VARCHAR(36),
    login VARCHAR(128),
    position INTEGER
);

CREATE TABLE sg_group (
    id VARCHAR(36) NOT NULL,
    created TIMESTAMP,
    name VARCHAR(128) NOT NULL UNIQUE,
    PRIMARY KEY (id)
);

CREATE TABLE sg_login_failure (
    subject VARCHAR(255) NOT NULL,
    failures INTEGER,
    locked_until TIMESTAMP,
    window_start TIMESTAMP,
    PRIMARY KEY (subject)
);

CREATE TABLE sg_mfa_group (
    requirement_id VARCHAR(16),
    group_name VARCHAR(128)
);

CREATE TABLE sg_mfa_requirement (
    id VARCHAR(16) NOT NULL,
    everyone BOOLEAN,
    PRIMARY KEY (id)
);

CREATE TABLE sg_server (
    id VARCHAR(36) NOT NULL,
    created TIMESTAMP,
    description VARCHAR(1024),
    host VARCHAR(255) NOT NULL,
    host_key VARCHAR(8192),
    host_key_pinned_at TIMESTAMP,
    name VARCHAR(128) NOT NULL UNIQUE,
    ssh_port INTEGER,
    PRIMARY KEY (id)
);

CREATE TABLE sg_server_host_key (
    host_key VARCHAR(8192) NOT NULL,
    pinned_at TIMESTAMP,
    server_id VARCHAR(36)
);

CREATE TABLE sg_server_label (
    server_id VARCHAR(36),
    label VARCHAR(128)
);

CREATE TABLE sg_session (
    id VARCHAR(64) NOT NULL,
    bytes_from_client BIGINT,
    bytes_to_client BIGINT,
    client_address VARCHAR(64),
    command VARCHAR(4096),
    ended TIMESTAMP,
    exit_status INTEGER,
    gateway_node VARCHAR(255),
    hook_detail VARCHAR(1024),
    hook_layers VARCHAR(64),
    hook_shell VARCHAR(64),
    hook_state VARCHAR(16),
    hook_tier VARCHAR(16),
    channel_kind VARCHAR(16),
    login VARCHAR(128),
    message VARCHAR(1024),
    privileged_account VARCHAR(128),
    server_name VARCHAR(128),
    started TIMESTAMP,
    status VARCHAR(16),
    user_name VARCHAR(128),
    PRIMARY KEY (id)
);

CREATE TABLE sg_session_termination (
    session_id VARCHAR(64) NOT NULL,
    gateway_node VARCHAR(255),
    requested TIMESTAMP,
    requested_by VARCHAR(128),
    PRIMARY KEY (session_id)
);

CREATE TABLE sg_startup_file (
    id VARCHAR(36) NOT NULL,
    accepted_at TIMESTAMP,
    accepted_by VARCHAR(128),
    accepted_hash VARCHAR(512) NOT NULL,
    login VARCHAR(128) NOT NULL,
    path VARCHAR(255) NOT NULL,
    seen_at TIMESTAMP,
    seen_hash VARCHAR(512) NOT NULL,
    seen_session VARCHAR(36),
    server_name VARCHAR(128) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT unq_sg_startup_file_0 UNIQUE (server_name, login, path)
);

CREATE TABLE sg_totp (
    username VARCHAR(128) NOT NULL,
    confirmed TIMESTAMP,
    created TIMESTAMP,
    last_step BIGINT,
    sealed_secret VARCHAR(512) NOT NULL,
    PRIMARY KEY (username)
);

CREATE TABLE sg_totp_recovery (
    username VARCHAR(128),
    code_hash VARCHAR(64)
);

CREATE TABLE sg_typed_line (
    id VARCHAR(36) NOT NULL,
    line_id VARCHAR(64),
    session_id VARCHAR(64),
    line_text VARCHAR(8192),
    line_time TIMESTAMP,
    PRIMARY KEY (id)
);

CREATE TABLE sg_user (
    id VARCHAR(36) NOT NULL,
    created TIMESTAMP,
    directory_account BOOLEAN,
    enabled BOOLEAN,
    password_hash VARCHAR(256),
    role VARCHAR(16) NOT NULL,
    username VARCHAR(128) NOT NULL UNIQUE,
    PRIMARY KEY (id)
);

CREATE TABLE sg_user_group (
    user_id VARCHAR(36),
    group_name VARCHAR(128)
);

CREATE TABLE sg_user_key (
    user_id VARCHAR(36),
    public_key VARCHAR(8192)
);

CREATE INDEX index_sg_alert_alert_time ON sg_alert (alert_time);

CREATE INDEX index_sg_alert_session_id ON sg_alert (session_id);

CREATE INDEX index_sg_auth_event_event_time ON sg_auth_event (event_time);

CREATE INDEX index_sg_auth_event_user_name ON sg_auth_event (user_name);

CREATE INDEX index_sg_command_command_time ON sg_command (command_time);

CREATE INDEX index_sg_command_session_id_command_id ON sg_command (session_id, command_id);

CREATE INDEX index_sg_command_session_id_line_id ON sg_command (session_id, line_id);

CREATE INDEX index_sg_command_user_name ON sg_command (user_name);

CREATE INDEX index_sg_file_transfer_session_id ON sg_file_transfer (session_id);

CREATE INDEX index_sg_file_transfer_transfer_time ON sg_file_transfer (transfer_time);

CREATE INDEX index_sg_file_transfer_user_name ON sg_file_transfer (user_name);

CREATE INDEX index_sg_forward_session_id ON sg_forward (session_id);

CREATE INDEX index_sg_forward_started ON sg_forward (started);

CREATE INDEX index_sg_login_failure_window_start ON sg_login_failure (window_start);

CREATE INDEX index_sg_session_started ON sg_session (started);

CREATE INDEX index_sg_session_termination_gateway_node ON sg_session_termination (gateway_node);

CREATE INDEX index_sg_session_user_name ON sg_session (user_name);

CREATE INDEX index_sg_typed_line_line_time ON sg_typed_line (line_time);

CREATE INDEX index_sg_typed_line_session_id_line_id ON sg_typed_line (session_id, line_id);

ALTER TABLE sg_account ADD CONSTRAINT fk_sg_account_server_id FOREIGN KEY (server_id) REFERENCES sg_server (id);

ALTER TABLE sg_command_rule_group ADD CONSTRAINT fk_sg_command_rule_group_rule_id FOREIGN KEY (rule_id) REFERENCES sg_command_rule (id);

ALTER TABLE sg_command_rule_label ADD CONSTRAINT fk_sg_command_rule_label_rule_id FOREIGN KEY (rule_id) REFERENCES sg_command_rule (id);

ALTER TABLE sg_command_rule_login ADD CONSTRAINT fk_sg_command_rule_login_rule_id FOREIGN KEY (rule_id) REFERENCES sg_command_rule (id);

ALTER TABLE sg_command_rule_server ADD CONSTRAINT fk_sg_command_rule_server_rule_id FOREIGN KEY (rule_id) REFERENCES sg_command_rule (id);

ALTER TABLE sg_command_rule_user ADD CONSTRAINT fk_sg_command_rule_user_rule_id FOREIGN KEY (rule_id) REFERENCES sg_command_rule (id);

ALTER TABLE sg_grant_forward_to ADD CONSTRAINT fk_sg_grant_forward_to_grant_id FOREIGN KEY (grant_id) REFERENCES sg_grant (id);

ALTER TABLE sg_grant_forwarding ADD CONSTRAINT fk_sg_grant_forwarding_grant_id FOREIGN KEY (grant_id) REFERENCES sg_grant (id);

ALTER TABLE sg_grant_login ADD CONSTRAINT fk_sg_grant_login_grant_id FOREIGN KEY (grant_id) REFERENCES sg_grant (id);

ALTER TABLE sg_mfa_group ADD CONSTRAINT fk_sg_mfa_group_requirement_id FOREIGN KEY (requirement_id) REFERENCES sg_mfa_requirement (id);

ALTER TABLE sg_server_host_key ADD CONSTRAINT fk_sg_server_host_key_server_id FOREIGN KEY (server_id) REFERENCES sg_server (id);

ALTER TABLE sg_server_label ADD CONSTRAINT fk_sg_server_label_server_id FOREIGN KEY (server_id) REFERENCES sg_server (id);

ALTER TABLE sg_totp_recovery ADD CONSTRAINT fk_sg_totp_recovery_username FOREIGN KEY (username) REFERENCES sg_totp (username);

ALTER TABLE sg_user_group ADD CONSTRAINT fk_sg_user_group_user_id FOREIGN KEY (user_id) REFERENCES sg_user (id);

ALTER TABLE sg_user_key ADD CONSTRAINT fk_sg_user_key_user_id FOREIGN KEY (user_id) REFERENCES sg_user (id);
