package com.shellguard.access;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The group whose members may decide access requests for the servers of a label ({@code *}: every server), beside
 * the admins. A label with an approver group is also what makes its servers requestable from the SSH menu.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_access_approver")
public class AccessApprover {

    @Id
    @Column(name = "server_label", length = 128)
    private String label;

    @Column(name = "group_name", nullable = false, length = 128)
    private String group;

    protected AccessApprover() {
    }

    public AccessApprover(String label, String group) {
        this.label = label;
        this.group = group;
    }

    public String getLabel() {
        return label;
    }

    public String getGroup() {
        return group;
    }

    void setGroup(String group) {
        this.group = group;
    }
}
