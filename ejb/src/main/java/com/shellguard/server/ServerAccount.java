package com.shellguard.server;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A login on a server and the sealed credential the gateway uses for it. The secret never leaves sealed except to connect.
 * A privileged account (root, or a login with passwordless sudo) carries the sessions of every other login on its
 * server: at most one per server, which the unique {@code privileged_server} column (the server's id, null for any
 * other account) holds in the database too.
 */
@Entity
@Table(name = "sg_account", uniqueConstraints = @UniqueConstraint(columnNames = {"server_id", "login"}))
@NamedQuery(name = "ServerAccount.ofServer", query = "select a from ServerAccount a where a.server = :server order by a.login")
@NamedQuery(name = "ServerAccount.byLogin", query = "select a from ServerAccount a where a.server = :server and a.login = :login")
public class ServerAccount {

    public enum Kind { PASSWORD, PRIVATE_KEY }

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @ManyToOne(optional = false)
    @JoinColumn(name = "server_id")
    private Server server;

    @Column(nullable = false, length = 128)
    private String login;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "sealed_secret", nullable = false, length = 32768)
    private String sealedSecret;

    @Column(name = "privileged_server", length = 36, unique = true)
    private String privilegedServer;

    private OffsetDateTime created;

    private OffsetDateTime updated;

    protected ServerAccount() {
    }

    public ServerAccount(Server server, String login, OffsetDateTime created) {
        this.server = server;
        this.login = login;
        this.created = created;
    }

    public void storeCredential(Kind kind, String sealedSecret, OffsetDateTime at) {
        this.kind = kind;
        this.sealedSecret = sealedSecret;
        this.updated = at;
    }

    /** Whether sessions of the server's other logins go through this account (see {@link AccountService}). */
    public boolean isPrivileged() {
        return privilegedServer != null;
    }

    public void setPrivileged(boolean privileged) {
        this.privilegedServer = privileged ? server.getId() : null;
    }

    public Server getServer() {
        return server;
    }

    public String getLogin() {
        return login;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSealedSecret() {
        return sealedSecret;
    }

    public OffsetDateTime getCreated() {
        return created;
    }

    public OffsetDateTime getUpdated() {
        return updated;
    }
}
