package com.shellguard.command.rule;

import java.util.List;
import java.util.Optional;

/** The stored command policy: rules, defaults per label, and the version stamp that changes with them. */
public interface CommandPolicyRepository {

    Optional<CommandRule> rule(String name);

    /** By priority, then name. */
    List<CommandRule> rules();

    void add(CommandRule rule);

    void remove(CommandRule rule);

    Optional<CommandDefault> defaultFor(String label);

    List<CommandDefault> defaults();

    void add(CommandDefault commandDefault);

    void remove(CommandDefault commandDefault);

    /** The current version, 0 before the first change. Always read from the database. */
    long version();

    /** Raises the version, locking the stamp row until the transaction ends; returns the new version. */
    long bumpVersion();
}
