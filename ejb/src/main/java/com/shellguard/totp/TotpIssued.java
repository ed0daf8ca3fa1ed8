package com.shellguard.totp;

import java.util.List;

/**
 * What an enrolment hands out, once: the secret (base32), the {@code otpauth://} URI an authenticator app reads
 * from a QR code, and the recovery codes. None of it is ever shown again.
 */
public record TotpIssued(String username, String secret, String uri, List<String> recoveryCodes) {
}
