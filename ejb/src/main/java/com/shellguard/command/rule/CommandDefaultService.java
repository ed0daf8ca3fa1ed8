package com.shellguard.command.rule;

import com.shellguard.common.Clock;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The default mode per server label: set (created or replaced), read, removed. */
@Stateless
public class CommandDefaultService {

    @Inject
    CommandPolicyRepository policy;

    @Inject
    PolicyChanges changes;

    public CommandDefault put(String label, DefaultMode mode) {
        if (!CommandDefault.EVERY_SERVER.equals(label)) {
            Names.require("label", label);
        }
        if (mode == null) {
            throw new ValidationException("mode is required: allow or allowlist");
        }
        CommandDefault stored = policy.defaultFor(label).orElse(null);
        if (stored == null) {
            stored = new CommandDefault(label, mode, Clock.now());
            policy.add(stored);
        } else {
            stored.change(mode, Clock.now());
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
