package com.shellguard.console.rules;

import com.shellguard.command.CommandTrial;
import com.shellguard.command.CommandTrialService;
import com.shellguard.command.rule.CommandRule;
import com.shellguard.command.rule.CommandRuleDraft;
import com.shellguard.command.rule.CommandRuleService;
import com.shellguard.command.rule.RuleAction;
import com.shellguard.command.rule.RuleMatch;
import com.shellguard.common.NotFoundException;
import com.shellguard.console.AdminOnly;
import com.shellguard.console.EditorPage;
import com.shellguard.console.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.primefaces.event.ReorderEvent;

/**
 * Command rules in the order they are tried, one form to add or change a rule, moving a rule up or down (or
 * dragging it), and "try a command line": the verdict the policy in force would give a line typed by a user
 * on a server as a login, and the rule that decides it. Trying changes nothing, so auditors may try too.
 */
@Named
@ViewScoped
public class RulesPage extends EditorPage<CommandRule> {

    private static final long serialVersionUID = 1L;

    @Inject
    CommandRuleService rules;

    @Inject
    CommandTrialService trials;

    private String name;
    private RuleMatch match = RuleMatch.COMMAND;
    private String pattern;
    private RuleAction action = RuleAction.BLOCK;
    private List<String> users = new ArrayList<>();
    private List<String> groups = new ArrayList<>();
    private List<String> servers = new ArrayList<>();
    private List<String> labels = new ArrayList<>();
    private List<String> logins = new ArrayList<>();
    private Integer priority = CommandRule.DEFAULT_PRIORITY;
    private String description;
    private String tryLine;
    private String tryUser;
    private String tryServer;
    private String tryLogin;
    private CommandTrial trial;

    @Override
    protected List<CommandRule> loadRows() {
        return rules.list();
    }

    public void edit(String rule) {
        CommandRule r = rules.get(rule);
        editing = r.getName();
        name = r.getName();
        match = r.getMatch();
        pattern = r.getPattern();
        action = r.getAction();
        users = new ArrayList<>(r.getUsers());
        groups = new ArrayList<>(r.getGroups());
        servers = new ArrayList<>(r.getServers());
        labels = new ArrayList<>(r.getLabels());
        logins = new ArrayList<>(r.getLogins());
        priority = r.getPriority();
        description = r.getDescription();
    }

    public void startNew() {
        editing = null;
        name = null;
        match = RuleMatch.COMMAND;
        pattern = null;
        action = RuleAction.BLOCK;
        users = new ArrayList<>();
        groups = new ArrayList<>();
        servers = new ArrayList<>();
        labels = new ArrayList<>();
        logins = new ArrayList<>();
        priority = CommandRule.DEFAULT_PRIORITY;
        description = null;
    }

    @AdminOnly
    public void save() {
        CommandRuleDraft draft = new CommandRuleDraft(name, match, pattern, action, set(users), set(groups), set(servers),
                set(labels), set(logins), priority, description);
        if (saved("rule " + name, () -> rules.create(draft), () -> rules.update(editing, draft))) {
            edit(name);
        }
    }

    @AdminOnly
    public void delete(String rule) {
        deleted("rule " + rule, rule, () -> rules.delete(rule));
    }

    /** Moves a rule one place earlier (-1) or later (+1) in the order rules are tried. */
    @AdminOnly
    public void move(String rule, int by) {
        List<String> order = new ArrayList<>(getRows().stream().map(CommandRule::getName).toList());
        int from = order.indexOf(rule);
        if (from < 0) {
            throw new NotFoundException("no command rule " + rule);
        }
        int to = Math.max(0, Math.min(order.size() - 1, from + by));
        order.add(to, order.remove(from));
        reorder(order);
    }

    /** A row dragged to another place. */
    @AdminOnly
    public void dragged(ReorderEvent event) {
        List<String> order = new ArrayList<>(getRows().stream().map(CommandRule::getName).toList());
        order.add(event.getToIndex(), order.remove(event.getFromIndex()));
        reorder(order);
    }

    private void reorder(List<String> order) {
        if (Feedback.attempt(() -> rules.reorder(order), "Saved the order of the rules.")) {
            reload();
            if (editing != null) {
                edit(editing);
            }
        }
    }

    public void tryIt() {
        trial = null;
        Feedback.attempt(() -> trial = trials.tryLine(tryLine, tryUser, tryServer, tryLogin), null);
    }

    /** Whom and where a rule applies to, as the list shows it: each set that is not empty, or "everyone". */
    public String scope(CommandRule rule) {
        List<String> parts = new ArrayList<>();
        part(parts, "users", rule.getUsers());
        part(parts, "groups", rule.getGroups());
        part(parts, "servers", rule.getServers());
        part(parts, "labels", rule.getLabels());
        part(parts, "logins", rule.getLogins());
        return parts.isEmpty() ? "everyone, everywhere" : String.join("; ", parts);
    }

    private static void part(List<String> parts, String name, Collection<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + " " + String.join(", ", values.stream().sorted().toList()));
        }
    }

    private static LinkedHashSet<String> set(Collection<String> values) {
        return new LinkedHashSet<>(values);
    }

    public RuleMatch[] getMatches() {
        return RuleMatch.values();
    }

    public RuleAction[] getActions() {
        return RuleAction.values();
    }

    public CommandTrial getTrial() {
        return trial;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public RuleMatch getMatch() {
        return match;
    }

    public void setMatch(RuleMatch match) {
        this.match = match;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public RuleAction getAction() {
        return action;
    }

    public void setAction(RuleAction action) {
        this.action = action;
    }

    public List<String> getUsers() {
        return users;
    }

    public void setUsers(List<String> users) {
        this.users = users == null ? new ArrayList<>() : users;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? new ArrayList<>() : groups;
    }

    public List<String> getServers() {
        return servers;
    }

    public void setServers(List<String> servers) {
        this.servers = servers == null ? new ArrayList<>() : servers;
    }

    public List<String> getLabels() {
        return labels;
    }

    public void setLabels(List<String> labels) {
        this.labels = labels == null ? new ArrayList<>() : labels;
    }

    public List<String> getLogins() {
        return logins;
    }

    public void setLogins(List<String> logins) {
        this.logins = logins == null ? new ArrayList<>() : logins;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTryLine() {
        return tryLine;
    }

    public void setTryLine(String tryLine) {
        this.tryLine = tryLine;
    }

    public String getTryUser() {
        return tryUser;
    }

    public void setTryUser(String tryUser) {
        this.tryUser = tryUser;
    }

    public String getTryServer() {
        return tryServer;
    }

    public void setTryServer(String tryServer) {
        this.tryServer = tryServer;
    }

    public String getTryLogin() {
        return tryLogin;
    }

    public void setTryLogin(String tryLogin) {
        this.tryLogin = tryLogin;
    }
}
