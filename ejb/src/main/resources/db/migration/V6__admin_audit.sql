-- The admin audit (com.shellguard.adminaudit.AdminChange): every change made through the REST API or the console.
CREATE TABLE sg_admin_change (
    id VARCHAR(36) NOT NULL,
    action VARCHAR(32),
    changed_fields VARCHAR(1024),
    channel VARCHAR(16),
    fields_after VARCHAR(16384),
    fields_before VARCHAR(16384),
    resource_kind VARCHAR(32),
    resource VARCHAR(512),
    source_address VARCHAR(64),
    change_time TIMESTAMP,
    token_name VARCHAR(128),
    user_name VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE INDEX index_sg_admin_change_change_time ON sg_admin_change (change_time);
CREATE INDEX index_sg_admin_change_resource_kind ON sg_admin_change (resource_kind);
