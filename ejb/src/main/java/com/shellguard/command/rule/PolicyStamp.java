package com.shellguard.command.rule;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row whose version goes up with every change of rules or defaults, in the same transaction. Every
 * node polls it to learn, without reloading the whole policy, that another node changed something.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_command_policy_version")
public class PolicyStamp {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "policy_version", nullable = false)
    private long version;

    protected PolicyStamp() {
    }

    public PolicyStamp(long version) {
        this.id = ID;
        this.version = version;
    }

    public long getVersion() {
        return version;
    }

    public long next() {
        return ++version;
    }
}
