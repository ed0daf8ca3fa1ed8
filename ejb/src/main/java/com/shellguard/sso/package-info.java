/**
 * Single sign-on with an OpenID Connect provider ({@code SHELLGUARD_OIDC_ISSUER}): the console's "Sign in with ..."
 * (authorization code flow with PKCE, state and nonce; {@link com.shellguard.sso.ConsoleSignOn}) and SSH logins of
 * federated people over keyboard-interactive with the device authorization grant, RFC 8628
 * ({@link com.shellguard.sso.DeviceLogins}). ID tokens are checked with Nimbus JOSE+JWT ({@link com.shellguard.sso.IdTokenCheck})
 * against the keys the provider publishes; the groups claim sets the console role at every sign-on
 * ({@link com.shellguard.sso.FederatedAccounts}); a sign-on over SSH may open a window in which the person's registered
 * keys are accepted ({@code SHELLGUARD_OIDC_KEY_HOURS}, measured with the setting as it is now, {@link com.shellguard.sso.KeyWindow}).
 *
 * <p>What nobody authenticated can do is kept small: a console sign-on under way lives in the browser's sealed cookie
 * ({@link com.shellguard.sso.SignOnState}), not on the node; over SSH every name is offered the same code and prompt.
 * A federated account belongs to the provider person (issuer, subject) of its first sign-on, not to whoever the
 * username claim names later.
 *
 * <p>Why not Jakarta Security's {@code @OpenIdAuthenticationMechanismDefinition}: an application has one HTTP
 * authentication mechanism, and the console's is the form login with its second-factor step, which must stay for the
 * first admin and break-glass accounts; the OpenID mechanism would replace it, and it does not do the device grant.
 * So the browser flow is two servlets beside the form (the web module's {@code console.SignOnStart} and
 * {@code SignOnCallback}) that hand the code to the same identity store as the password.
 *
 * <p>Limits: one provider; the provider's MFA is the provider's (the gateway's TOTP is not asked after a sign-on);
 * role from groups only (no gateway-group mapping); the endpoints are discovered once per node start.
 */
package com.shellguard.sso;
