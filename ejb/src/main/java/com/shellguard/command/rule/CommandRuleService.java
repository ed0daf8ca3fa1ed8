package com.shellguard.command.rule;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.server.ServerRepository;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Creating, changing and removing command rules. Users, groups and servers a scope names must exist when
 * the scope is set; deleting one later leaves its name in the scope, where it matches nobody, rather than
 * emptying the set, which would widen the rule to everyone.
 */
@Stateless
public class CommandRuleService {

    private static final int MAX_DESCRIPTION = 1024;

    @Inject
    CommandPolicyRepository policy;

    @Inject
    PolicyChanges changes;

    @Inject
    AdminChangeRecorder recorder;

    @Inject
    UserRepository users;

    @Inject
    ServerRepository servers;

    public CommandRule create(CommandRuleDraft draft) {
        String name = Names.require("name", draft.name());
        if (BuiltInRules.isBuiltIn(name)) {
            throw new ValidationException("name " + name + " is reserved for the gateway's own verdicts");
        }
        if (policy.rule(name).isPresent()) {
            throw new ConflictException("command rule " + name + " exists already");
        }
        if (draft.match() == null) {
            throw new ValidationException("match is required: command, path or line");
        }
        if (draft.action() == null) {
            throw new ValidationException("action is required: ALLOW, BLOCK, ALERT or TERMINATE");
        }
        CommandRule rule = new CommandRule(name, Clock.now());
        apply(rule, draft);
        policy.add(rule);
        changes.changed();
        recorder.record("command-rule", name, "create", null, fields(rule));
        return rule;
    }

    public CommandRule update(String name, CommandRuleDraft draft) {
        CommandRule rule = get(name);
        if (draft.name() != null && !draft.name().equals(name)) {
            throw new ValidationException("name cannot be changed (" + name + ")");
        }
        ChangeFields before = fields(rule);
        apply(rule, draft);
        rule.touch(Clock.now());
        changes.changed();
        recorder.record("command-rule", name, "update", before, fields(rule));
        return rule;
    }

    public void delete(String name) {
        CommandRule rule = get(name);
        recorder.record("command-rule", name, "delete", fields(rule), null);
        policy.remove(rule);
        changes.changed();
    }

    /**
     * Puts every rule in the given order (the order they are tried) by numbering their priorities 10, 20,
     * 30, ...: one change of the policy, however many rules move. The list must name each rule once.
     */
    public List<CommandRule> reorder(List<String> names) {
        List<CommandRule> all = policy.rules();
        Set<String> existing = all.stream().map(CommandRule::getName).collect(Collectors.toSet());
        if (names == null || names.size() != all.size() || !existing.equals(Set.copyOf(names))) {
            throw new ValidationException("a new order must name every command rule once: " + String.join(", ", existing));
        }
        ChangeFields before = order(all);
        OffsetDateTime now = Clock.now();
        for (int i = 0; i < names.size(); i++) {
            CommandRule rule = get(names.get(i));
            if (rule.getPriority() != (i + 1) * 10) {
                rule.setPriority((i + 1) * 10);
                rule.touch(now);
            }
        }
        changes.changed();
        List<CommandRule> reordered = policy.rules();
        recorder.record("command-rule", "*", "reorder", before, order(reordered));
        return reordered;
    }

    private static ChangeFields fields(CommandRule r) {
        return ChangeFields.of().put("match", r.getMatch()).put("pattern", r.getPattern()).put("action", r.getAction())
                .put("users", r.getUsers()).put("groups", r.getGroups()).put("servers", r.getServers()).put("labels", r.getLabels())
                .put("logins", r.getLogins()).put("priority", r.getPriority()).put("description", r.getDescription());
    }

    private static ChangeFields order(List<CommandRule> rules) {
        return ChangeFields.of().put("order", rules.stream().map(CommandRule::getName).toList());
    }

    public CommandRule get(String name) {
        return policy.rule(name).orElseThrow(() -> new NotFoundException("no command rule " + name));
    }

    public List<CommandRule> list() {
        return policy.rules();
    }

    private void apply(CommandRule rule, CommandRuleDraft draft) {
        if (draft.match() != null || draft.pattern() != null) {
            RuleMatch match = draft.match() != null ? draft.match() : rule.getMatch();
            String pattern = draft.pattern() != null ? draft.pattern() : rule.getPattern();
            RulePatterns.compile(match, pattern);
            rule.setPattern(match, pattern);
        }
        if (draft.action() != null) {
            rule.setAction(draft.action());
        }
        if (draft.users() != null) {
            rule.setUsers(existing("users", draft.users(), u -> users.find(u).isPresent(), "user"));
        }
        if (draft.groups() != null) {
            rule.setGroups(existing("groups", draft.groups(), g -> users.findGroup(g).isPresent(), "group"));
        }
        if (draft.servers() != null) {
            rule.setServers(existing("servers", draft.servers(), s -> servers.find(s).isPresent(), "server"));
        }
        if (draft.labels() != null) {
            rule.setLabels(names("labels", draft.labels()));
        }
        if (draft.logins() != null) {
            rule.setLogins(names("logins", draft.logins()));
        }
        if (draft.priority() != null) {
            rule.setPriority(draft.priority());
        }
        if (draft.description() != null) {
            if (draft.description().length() > MAX_DESCRIPTION) {
                throw new ValidationException("description must be at most " + MAX_DESCRIPTION + " characters");
            }
            rule.setDescription(draft.description().isEmpty() ? null : draft.description());
        }
    }

    private static Set<String> existing(String field, Set<String> values, Predicate<String> exists, String what) {
        Set<String> checked = names(field, values);
        for (String value : checked) {
            if (!exists.test(value)) {
                throw new ValidationException(field + ": no " + what + " " + value);
            }
        }
        return checked;
    }

    private static Set<String> names(String field, Set<String> values) {
        Set<String> checked = new TreeSet<>();
        values.forEach(v -> checked.add(Names.require(field + "[]", v)));
        return checked;
    }
}
