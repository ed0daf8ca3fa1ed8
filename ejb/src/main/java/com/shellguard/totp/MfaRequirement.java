package com.shellguard.totp;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.TreeSet;

/** Who must log in with a second factor: everyone, or the members of some groups. One row; none means nobody. */
@Entity
@Cacheable(false)
@Table(name = "sg_mfa_requirement")
public class MfaRequirement {

    static final String ID = "mfa";

    @Id
    @Column(length = 16)
    private String id = ID;

    private boolean everyone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_mfa_group", joinColumns = @JoinColumn(name = "requirement_id"))
    @Column(name = "group_name", length = 128)
    private Set<String> groups = new TreeSet<>();

    protected MfaRequirement() {
    }

    MfaRequirement(boolean everyone, Set<String> groups) {
        set(everyone, groups);
    }

    void set(boolean everyone, Set<String> groups) {
        this.everyone = everyone;
        this.groups.clear();
        this.groups.addAll(groups);
    }

    boolean everyone() {
        return everyone;
    }

    Set<String> groups() {
        return Set.copyOf(groups);
    }
}
