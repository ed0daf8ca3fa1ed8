-- single sign-on: a federated account belongs to one person of the provider, (issuer, subject), bound at its first
-- sign-on (accounts made before: at their next one), so a renamed or re-created provider user of the same name cannot
-- take it over; and the key window after a sign-on over SSH is kept as the time of that sign-on, so that it is measured
-- with the current SHELLGUARD_OIDC_KEY_HOURS (a window kept as its end outlived a lowered setting). Windows open at the
-- upgrade close: the person signs on once more.
ALTER TABLE sg_user ADD COLUMN sso_issuer VARCHAR(1024);
ALTER TABLE sg_user ADD COLUMN sso_subject VARCHAR(255);
ALTER TABLE sg_user ADD COLUMN sso_ssh_signed_on TIMESTAMP;
ALTER TABLE sg_user DROP COLUMN sso_keys_until;
