package com.shellguard.command.rule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Every change of rules or defaults ends here: the version goes up in the same transaction (so other nodes
 * see the change and the version together), and this node's policy cache hears of it once the transaction
 * has committed, so a decision right after the API answered already follows the new policy.
 */
@ApplicationScoped
public class PolicyChanges {

    @Inject
    CommandPolicyRepository policy;

    @Inject
    Event<PolicyChanged> events;

    void changed() {
        events.fire(new PolicyChanged(policy.bumpVersion()));
    }
}
