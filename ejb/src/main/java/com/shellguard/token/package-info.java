/**
 * API tokens for integrations (IAM, SIEM). A token acts as the account that created it, with that
 * account's current role, and dies with it. Only the token's SHA-256 is stored: the value is shown once,
 * on creation, and a database dump cannot be replayed against the API.
 */
package com.shellguard.token;
