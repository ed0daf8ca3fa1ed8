package com.shellguard.command.rule;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A command rule as stored. Not kept in the shared JPA cache: every node reloads the policy from the database
 * when it changes, and a cached copy on another node would be stale.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_command_rule")
@NamedQuery(name = "CommandRule.byName", query = "select r from CommandRule r where r.name = :name")
@NamedQuery(name = "CommandRule.all", query = "select r from CommandRule r order by r.priority, r.name")
public class CommandRule {

    public static final int DEFAULT_PRIORITY = 100;

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_kind", nullable = false, length = 16)
    private RuleMatch match;

    @Column(nullable = false, length = RulePatterns.MAX_LENGTH)
    private String pattern;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_action", nullable = false, length = 16)
    private RuleAction action;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_command_rule_user", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "user_name", length = 128)
    private Set<String> users = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_command_rule_group", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "group_name", length = 128)
    private Set<String> groups = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_command_rule_server", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "server_name", length = 128)
    private Set<String> servers = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_command_rule_label", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "label", length = 128)
    private Set<String> labels = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_command_rule_login", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "login", length = 128)
    private Set<String> logins = new TreeSet<>();

    private int priority = DEFAULT_PRIORITY;

    @Column(length = 1024)
    private String description;

    private OffsetDateTime created;

    private OffsetDateTime updated;

    protected CommandRule() {
    }

    public CommandRule(String name, OffsetDateTime created) {
        this.name = name;
        this.created = created;
        this.updated = created;
    }

    public String getName() {
        return name;
    }

    public RuleMatch getMatch() {
        return match;
    }

    public String getPattern() {
        return pattern;
    }

    /** Match and pattern change together: a pattern is only valid for its kind of match. */
    public void setPattern(RuleMatch match, String pattern) {
        this.match = match;
        this.pattern = pattern;
    }

    public RuleAction getAction() {
        return action;
    }

    public void setAction(RuleAction action) {
        this.action = action;
    }

    public Set<String> getUsers() {
        return Set.copyOf(users);
    }

    public void setUsers(Set<String> names) {
        replace(users, names);
    }

    public Set<String> getGroups() {
        return Set.copyOf(groups);
    }

    public void setGroups(Set<String> names) {
        replace(groups, names);
    }

    public Set<String> getServers() {
        return Set.copyOf(servers);
    }

    public void setServers(Set<String> names) {
        replace(servers, names);
    }

    public Set<String> getLabels() {
        return Set.copyOf(labels);
    }

    public void setLabels(Set<String> names) {
        replace(labels, names);
    }

    public Set<String> getLogins() {
        return Set.copyOf(logins);
    }

    public void setLogins(Set<String> names) {
        replace(logins, names);
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public OffsetDateTime getCreated() {
        return created;
    }

    public OffsetDateTime getUpdated() {
        return updated;
    }

    public void touch(OffsetDateTime at) {
        this.updated = at;
    }

    private static void replace(Set<String> target, Set<String> values) {
        target.clear();
        target.addAll(values);
    }
}
