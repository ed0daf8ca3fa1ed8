package com.shellguard.server;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One startup or key file of a login on a server, as the gateway knows it: the SHA-256 an administrator accepted
 * (or the first session pinned), and the one sessions last found, with the time and session that first found it;
 * {@code absent} for a file that does not exist. The two differ while a change waits to be reviewed.
 */
@Entity
@Table(name = "sg_startup_file", uniqueConstraints = @UniqueConstraint(columnNames = {"server_name", "login", "path"}))
@NamedQuery(name = "StartupFile.ofLogin", query = "select f from StartupFile f where f.serverName = :server and f.login = :login order by f.path")
public class StartupFile {

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(name = "server_name", nullable = false, length = 128)
    private String serverName;

    @Column(nullable = false, length = 128)
    private String login;

    @Column(nullable = false, length = 255)
    private String path;

    @Column(name = "accepted_hash", nullable = false, length = 512)
    private String acceptedHash;

    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;

    /** Who accepted the state: an administrator, or {@code null} when the first session pinned it. */
    @Column(name = "accepted_by", length = 128)
    private String acceptedBy;

    @Column(name = "seen_hash", nullable = false, length = 512)
    private String seenHash;

    @Column(name = "seen_at")
    private OffsetDateTime seenAt;

    @Column(name = "seen_session", length = 36)
    private String seenSession;

    protected StartupFile() {
    }

    /** A file seen for the first time: its state is pinned as accepted. */
    public StartupFile(String serverName, String login, String path, String hash, String sessionId, OffsetDateTime at) {
        this.serverName = serverName;
        this.login = login;
        this.path = path;
        this.acceptedHash = hash;
        this.acceptedAt = at;
        seen(hash, sessionId, at);
    }

    public void seen(String hash, String sessionId, OffsetDateTime at) {
        this.seenHash = hash;
        this.seenSession = sessionId;
        this.seenAt = at;
    }

    /** The state sessions last found becomes the accepted one. */
    public void accept(String by, OffsetDateTime at) {
        this.acceptedHash = seenHash;
        this.acceptedBy = by;
        this.acceptedAt = at;
    }

    public boolean changed() {
        return !acceptedHash.equals(seenHash);
    }

    public String getServerName() {
        return serverName;
    }

    public String getLogin() {
        return login;
    }

    public String getPath() {
        return path;
    }

    public String getAcceptedHash() {
        return acceptedHash;
    }

    public OffsetDateTime getAcceptedAt() {
        return acceptedAt;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public String getSeenHash() {
        return seenHash;
    }

    public OffsetDateTime getSeenAt() {
        return seenAt;
    }

    public String getSeenSession() {
        return seenSession;
    }
}
