package com.shellguard.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A named group grants can refer to; its members are the users that carry its name. */
@Entity
@Table(name = "sg_group")
@NamedQuery(name = "UserGroup.byName", query = "select g from UserGroup g where g.name = :name")
@NamedQuery(name = "UserGroup.all", query = "select g from UserGroup g order by g.name")
public class UserGroup {

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    private OffsetDateTime created;

    /** The identity provider's id for this group (SCIM {@code externalId}), if SCIM gave one. */
    @Column(name = "external_id", length = 256)
    private String externalId;

    protected UserGroup() {
    }

    public UserGroup(String name, OffsetDateTime created) {
        this.name = name;
        this.created = created;
    }

    public String getName() {
        return name;
    }

    public String getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public OffsetDateTime getCreated() {
        return created;
    }
}
