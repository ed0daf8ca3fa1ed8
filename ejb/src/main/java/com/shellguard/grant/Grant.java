package com.shellguard.grant;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "sg_grant")
@NamedQuery(name = "Grant.all", query = "select g from Grant g order by g.created")
@NamedQuery(name = "Grant.ofUser", query = "select g from Grant g where g.userName = :name")
@NamedQuery(name = "Grant.ofGroup", query = "select g from Grant g where g.groupName = :name")
@NamedQuery(name = "Grant.ofServer", query = "select g from Grant g where g.serverName = :name")
@NamedQuery(name = "Grant.expiredBy", query = "select g from Grant g where g.expires is not null and g.expires <= :at")
public class Grant {

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(name = "user_name", length = 128)
    private String userName;

    @Column(name = "group_name", length = 128)
    private String groupName;

    @Column(name = "server_name", length = 128)
    private String serverName;

    @Column(name = "server_label", length = 128)
    private String label;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_grant_login", joinColumns = @JoinColumn(name = "grant_id"))
    @OrderColumn(name = "position")
    @Column(name = "login", length = 128)
    private List<String> logins = new ArrayList<>();

    /** The kinds of port forwarding allowed, as the API words them (local, remote, dynamic). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_grant_forwarding", joinColumns = @JoinColumn(name = "grant_id"))
    @Column(name = "kind", length = 16)
    private Set<String> forwarding = new TreeSet<>();

    /** Where forwards may go, HOST:PORT patterns; none stored means the default. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_grant_forward_to", joinColumns = @JoinColumn(name = "grant_id"))
    @OrderColumn(name = "position")
    @Column(name = "destination", length = 300)
    private List<String> forwardTo = new ArrayList<>();

    private OffsetDateTime created;

    /** When the grant stops giving access (an approved access request's end); null: until deleted. */
    private OffsetDateTime expires;

    protected Grant() {
    }

    public Grant(GrantRule rule, OffsetDateTime created) {
        this.created = created;
        assign(rule);
    }

    public void assign(GrantRule rule) {
        this.userName = rule.user();
        this.groupName = rule.group();
        this.serverName = rule.server();
        this.label = rule.label();
        this.logins.clear();
        this.logins.addAll(rule.logins());
        this.forwarding.clear();
        this.forwarding.addAll(rule.forwarding());
        this.forwardTo.clear();
        this.forwardTo.addAll(rule.forwardTo());
    }

    public GrantRule rule() {
        return new GrantRule(userName, groupName, serverName, label, List.copyOf(logins), new TreeSet<>(forwarding),
                List.copyOf(forwardTo));
    }

    public String getId() {
        return id;
    }

    public OffsetDateTime getCreated() {
        return created;
    }

    public OffsetDateTime getExpires() {
        return expires;
    }

    public void setExpires(OffsetDateTime expires) {
        this.expires = expires;
    }

    /** Whether the grant still gives access at {@code at}. */
    public boolean inForceAt(OffsetDateTime at) {
        return expires == null || expires.isAfter(at);
    }
}
