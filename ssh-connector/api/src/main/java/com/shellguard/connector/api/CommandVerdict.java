package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * The policy's answer for one command. {@code rule} names the deciding rule (null when the default
 * decided); {@code alert} is set when a rule or the tamper check asks for an alert; {@code policyVersion}
 * lets the connector tell the hook that its local copy of the policy is stale.
 */
public record CommandVerdict(Action action, String rule, boolean alert, String reason, long policyVersion)
        implements Serializable {

    public enum Action {
        /** The command runs. */
        ALLOW,
        /** The command does not run; the shell goes on. */
        BLOCK,
        /** The command does not run and the session ends. */
        TERMINATE
    }

    public static CommandVerdict allowed(long policyVersion) {
        return new CommandVerdict(Action.ALLOW, null, false, null, policyVersion);
    }

    public boolean runs() {
        return action == Action.ALLOW;
    }
}
