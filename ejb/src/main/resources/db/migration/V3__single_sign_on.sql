-- single sign-on (OIDC): accounts made by a first SSO login, which have no local password and log in through the provider only,
-- and until when their registered keys are accepted after a single sign-on over SSH (SHELLGUARD_OIDC_KEY_HOURS)
ALTER TABLE sg_user ADD COLUMN federated_account BOOLEAN;
ALTER TABLE sg_user ADD COLUMN sso_keys_until TIMESTAMP;
