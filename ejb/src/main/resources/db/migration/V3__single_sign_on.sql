-- single sign-on (OIDC): accounts made by a first SSO login, which have no local password and log in through the provider only
ALTER TABLE sg_user ADD COLUMN federated_account BOOLEAN;
