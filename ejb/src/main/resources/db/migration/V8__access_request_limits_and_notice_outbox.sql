-- Access requests (README "Access requests"): how many requests a person may have pending; and the access-request
-- webhook delivered through the audit export's outbox, as a destination whose purpose is not the audit export.
-- The webhook URL and secret V7 kept in sg_access_settings are moved by the application (the secret must be
-- sealed by the vault), on first use after the upgrade.

ALTER TABLE sg_access_settings ADD COLUMN max_pending INTEGER DEFAULT 5 NOT NULL;

ALTER TABLE sg_audit_export ADD COLUMN purpose VARCHAR(16) DEFAULT 'AUDIT' NOT NULL;
