package com.shellguard.auth;

import java.util.Optional;

/**
 * What the lockout says of an attempt before its credential is checked: the refusal ({@link LoginLockout#LOCKED}
 * or {@link LoginLockout#THROTTLED}) if any, and whether the account has failures counted, which only a
 * successful login then needs to clear (so the many successful requests of an API client write nothing).
 */
public record LoginStanding(String refusal, boolean accountFailuresCounted) {

    public Optional<String> refused() {
        return Optional.ofNullable(refusal);
    }
}
