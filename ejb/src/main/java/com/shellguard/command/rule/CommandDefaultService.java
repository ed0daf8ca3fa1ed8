package com.shellguard.command.rule;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
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

    @Inject
    AdminChangeRecorder recorder;

    public CommandDefault put(String label, DefaultMode mode, SupervisorMode supervisor) {
        if (!CommandDefault.EVERY_SERVER.equals(label)) {
            Names.require("label", label);
        }
        if (mode == null) {
            throw new ValidationException("mode is required: allow or allowlist");
        }
        SupervisorMode supervised = supervisor == null ? SupervisorMode.ON : supervisor;
        CommandDefault stored = policy.defaultFor(label).orElse(null);
        ChangeFields before = stored == null ? null : fields(stored);
        if (stored == null) {
            stored = new CommandDefault(label, mode, supervised, Clock.now());
            policy.add(stored);
        } else {
            stored.change(mode, supervised, Clock.now());
        }
        changes.changed();
        recorder.record("command-default", label, before == null ? "create" : "update", before, fields(stored));
        return stored;
    }

    private static ChangeFields fields(CommandDefault d) {
        return ChangeFields.of().put("mode", d.getMode()).put("supervisor", d.getSupervisor());
    }

    public CommandDefault get(String label) {
        return policy.defaultFor(label).orElseThrow(() -> new NotFoundException("no command default for label " + label));
    }

    public List<CommandDefault> list() {
        return policy.defaults();
    }

    public void delete(String label) {
        CommandDefault stored = get(label);
        recorder.record("command-default", label, "delete", fields(stored), null);
        policy.remove(stored);
        changes.changed();
    }
}
