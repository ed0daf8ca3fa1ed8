package com.shellguard.totp;

/**
 * How a code offered as a second factor ended. The names of the refusals are the audit's reasons:
 * {@code TOTP_INVALID} (no code of the window nor an unused recovery code), {@code TOTP_REPLAYED} (the code of a
 * step already used), {@code TOTP_NOT_ENROLLED} (the account has no confirmed second factor).
 */
public enum TotpCheck {
    ACCEPTED, RECOVERY_CODE, TOTP_INVALID, TOTP_REPLAYED, TOTP_NOT_ENROLLED;

    public boolean accepted() {
        return this == ACCEPTED || this == RECOVERY_CODE;
    }
}
