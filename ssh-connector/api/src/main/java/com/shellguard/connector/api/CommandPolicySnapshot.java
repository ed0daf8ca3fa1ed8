package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * What a hook needs to decide locally which commands it may merely report: whether the server runs an
 * allowlist, whether line rules apply (then every command is asked), the program names and path globs any
 * rule in the session's scope names (a command matching one is asked). It is a filter, never a verdict.
 */
public record CommandPolicySnapshot(long version, boolean allowlist, boolean lineRules, List<String> programNames,
                                    List<String> pathGlobs) implements Serializable {

    public CommandPolicySnapshot {
        programNames = List.copyOf(programNames);
        pathGlobs = List.copyOf(pathGlobs);
    }
}
