package com.shellguard.directory;

import java.util.Optional;

/** How the directory answered a password: the person it let in, or why not (for the audit). */
public record DirectoryBind(DirectoryPerson person, String refusal, boolean personGone) {

    static DirectoryBind accepted(DirectoryPerson person) {
        return new DirectoryBind(person, null, false);
    }

    static DirectoryBind refused(String reason) {
        return new DirectoryBind(null, reason, false);
    }

    /** Refused because the directory no longer has the person active (removed or disabled there). */
    static DirectoryBind gone(String reason) {
        return new DirectoryBind(null, reason, true);
    }

    public boolean isAccepted() {
        return person != null;
    }

    public Optional<String> refused() {
        return Optional.ofNullable(refusal);
    }
}
