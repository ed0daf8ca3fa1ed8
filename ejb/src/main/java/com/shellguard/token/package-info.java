/**
 * API tokens for integrations (IAM, SIEM, an identity provider's SCIM client). A token acts as the account that
 * created it, with that account's current role, and dies with it; its scopes ({@link com.shellguard.token.TokenScope})
 * narrow what it may call further, by method and path, and an expiry ends it for good. Only the token's SHA-256 is
 * stored: the value is shown once, on creation, and a database dump cannot be replayed against the API. The last use
 * (time and client address) is written on every authenticated request: one row update per call, cheap next to the
 * request itself.
 */
package com.shellguard.token;
