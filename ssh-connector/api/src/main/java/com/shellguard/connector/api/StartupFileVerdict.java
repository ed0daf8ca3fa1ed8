package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * What the application made of a {@link StartupFileReport}: the files that differ from the state an administrator
 * last accepted (empty when none does, and on a first sight, which is pinned), or why they could not be checked.
 * The connector refuses a strict server's session on either.
 */
public record StartupFileVerdict(List<String> changed, String failure) implements Serializable {

    public StartupFileVerdict {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }

    public boolean clean() {
        return changed.isEmpty() && failure == null;
    }
}
