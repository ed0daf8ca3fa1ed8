package com.shellguard.command.analysis;

import java.util.Optional;

/** One way a command could switch the hook off or escape it. Rules judge one launch each and never throw. */
interface TamperRule {

    /** Why this launch tampers with the hook, on one line, or empty. */
    Optional<String> check(Launch launch);

    /** A reason naming the command it is about. */
    static Optional<String> tamper(Launch launch, String why) {
        return Optional.of(launch.display() + ": " + why);
    }
}
