package com.shellguard.command.rule;

import com.shellguard.common.Clock;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The default mode per server label, with its supervisor choice: set (created or replaced, an absent supervisor
 * choice meaning on), read, removed.
 */
@Stateless
public class CommandDefaultService {

    @Inject
    CommandPolicyRepository policy;

    @Inject
    PolicyChanges changes;

    public CommandDefault put(String label, DefaultMode mode, SupervisorMode supervisor) {
        if (!CommandDefault.EVERY_SERVER.equals(label)) {
            Names.require("label", label);
        }
        if (mode == null) {
            throw new ValidationException("mode is required: allow or allowlist");
        }
        SupervisorMode supervised = supervisor == null ? SupervisorMode.ON : supervisor;
        CommandDefault stored = policy.defaultFor(label).orElse(null);
        if (stored == null) {
            stored = new CommandDefault(label, mode, supervised, Clock.now());
            policy.add(stored);
        } else {
            stored.change(mode, supervised, Clock.now());
        }
        changes.changed();
        return stored;
    }

    public CommandDefault get(String label) {
        return policy.defaultFor(label).orElseThrow(() -> new NotFoundException("no command default for label " + label));
    }

    public List<CommandDefault> list() {
        return policy.defaults();
    }

    public void delete(String label) {
        policy.remove(get(label));
        changes.changed();
    }
}
