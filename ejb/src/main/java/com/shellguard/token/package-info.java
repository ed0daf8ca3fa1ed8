/**
 * API tokens for integrations (IAM, SIEM). A token acts as the admin who created it; only its SHA-256 is
 * stored, so the value is shown once, on creation, and a database dump cannot be replayed.
 */
package com.shellguard.token;
