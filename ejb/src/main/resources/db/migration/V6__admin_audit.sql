-- The admin audit (com.shellguard.adminaudit.AdminChange): every change made through the REST API or the console.
CREATE TABLE sg_admin_change (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    change_time TIMESTAMP WITH TIME ZONE,
    user_name VARCHAR(255),
    token_name VARCHAR(128),
    source_address VARCHAR(64),
    channel VARCHAR(16),
    resource_kind VARCHAR(32),
    resource VARCHAR(512),
    action VARCHAR(32),
    fields_before VARCHAR(16384),
    fields_after VARCHAR(16384),
    changed_fields VARCHAR(1024)
);
CREATE INDEX ix_sg_admin_change_time ON sg_admin_change (change_time);
CREATE INDEX ix_sg_admin_change_kind ON sg_admin_change (resource_kind);
