package com.shellguard.auth;

import com.shellguard.user.GatewayUser;
import java.util.Optional;

/** How a password login ended: the account it opens, or the precise reason it was refused (for the audit only). */
public record PasswordCheck(GatewayUser account, String refusal) {

    static PasswordCheck accepted(GatewayUser account) {
        return new PasswordCheck(account, null);
    }

    static PasswordCheck refused(String reason) {
        return new PasswordCheck(null, reason);
    }

    public boolean isAccepted() {
        return account != null;
    }

    /** Refused because the directory could not answer, not because of the password. */
    public boolean directoryUnavailable() {
        return com.shellguard.directory.DirectoryUnavailableException.REASON.equals(refusal);
    }

    public Optional<ApiCaller> caller() {
        return Optional.ofNullable(account).map(ApiCaller::of);
    }
}
