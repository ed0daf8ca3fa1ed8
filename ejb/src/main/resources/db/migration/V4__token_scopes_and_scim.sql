-- API tokens: scopes, expiry, where the last use came from. Tokens issued before scopes did everything their
-- owner's role allowed on /api/v1: they become admin-scoped and keep working.
ALTER TABLE sg_api_token ADD COLUMN scopes VARCHAR(64);
ALTER TABLE sg_api_token ADD COLUMN expires TIMESTAMP;
ALTER TABLE sg_api_token ADD COLUMN last_used_from VARCHAR(64);
UPDATE sg_api_token SET scopes = 'admin' WHERE scopes IS NULL;

-- SCIM: what an identity provider knows of a person or a group beyond the gateway's own fields.
ALTER TABLE sg_user ADD COLUMN external_id VARCHAR(256);
ALTER TABLE sg_user ADD COLUMN display_name VARCHAR(256);
ALTER TABLE sg_user ADD COLUMN scim_managed BOOLEAN;
ALTER TABLE sg_group ADD COLUMN external_id VARCHAR(256);

CREATE TABLE sg_user_email (
    user_id VARCHAR(36),
    address VARCHAR(256) NOT NULL,
    kind VARCHAR(32),
    is_primary BOOLEAN
);
ALTER TABLE sg_user_email ADD CONSTRAINT fk_sg_user_email_user_id FOREIGN KEY (user_id) REFERENCES sg_user (id);
