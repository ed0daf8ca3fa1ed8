package com.shellguard.command.rule;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The default mode of the servers carrying a label ({@code *}: every server), and whether their same-account
 * sessions run under the supervisor (a null column, from rows older than that choice, means on); uncached like
 * the rules.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_command_default")
@NamedQuery(name = "CommandDefault.byLabel", query = "select d from CommandDefault d where d.label = :label")
@NamedQuery(name = "CommandDefault.all", query = "select d from CommandDefault d order by d.label")
public class CommandDefault {

    /** The label that stands for every server. */
    public static final String EVERY_SERVER = "*";

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(nullable = false, unique = true, length = 128)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(name = "command_mode", nullable = false, length = 16)
    private DefaultMode mode;

    @Enumerated(EnumType.STRING)
    @Column(name = "supervisor", length = 8)
    private SupervisorMode supervisor;

    private OffsetDateTime created;

    private OffsetDateTime updated;

    protected CommandDefault() {
    }

    public CommandDefault(String label, DefaultMode mode, SupervisorMode supervisor, OffsetDateTime created) {
        this.label = label;
        this.mode = mode;
        this.supervisor = supervisor;
        this.created = created;
        this.updated = created;
    }

    public String getLabel() {
        return label;
    }

    public DefaultMode getMode() {
        return mode;
    }

    public SupervisorMode getSupervisor() {
        return supervisor == null ? SupervisorMode.ON : supervisor;
    }

    public void change(DefaultMode mode, SupervisorMode supervisor, OffsetDateTime at) {
        this.mode = mode;
        this.supervisor = supervisor;
        this.updated = at;
    }

    public OffsetDateTime getCreated() {
        return created;
    }

    public OffsetDateTime getUpdated() {
        return updated;
    }
}
