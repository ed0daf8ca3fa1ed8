/**
 * The TOTP second factor (RFC 6238): enrolment (a secret sealed by the vault, an {@code otpauth://} URI for an
 * authenticator app, ten one-time recovery codes kept as hashes), confirmation by a first code, the check of a code
 * at a login (the current 30-second step and one either side, each step once), and the requirement of a second
 * factor for everyone or for groups ({@link com.shellguard.totp.MfaPolicy}). The doors that ask for a code and
 * count wrong ones are in {@code auth}.
 *
 * <p>Limits: only TOTP (no WebAuthn, no push); SHA-1, 6 digits and 30 seconds, which every authenticator app
 * reads; the gateway's clock must be right within a step (NTP). A lost device without recovery codes needs an
 * admin to remove the factor.
 */
package com.shellguard.totp;
