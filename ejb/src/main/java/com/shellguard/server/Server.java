package com.shellguard.server;

import com.shellguard.openssh.SshPublicKey;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "sg_server")
@NamedQuery(name = "Server.byName", query = "select s from Server s where s.name = :name")
@NamedQuery(name = "Server.all", query = "select s from Server s order by s.name")
public class Server {

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Column(nullable = false, length = 255)
    private String host;

    @Column(name = "ssh_port")
    private int port = 22;

    @Column(name = "host_key", length = 8192)
    private String hostKey;

    @Column(name = "host_key_pinned_at")
    private OffsetDateTime hostKeyPinnedAt;

    @Column(length = 1024)
    private String description;

    private OffsetDateTime created;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_server_label", joinColumns = @JoinColumn(name = "server_id"))
    @Column(name = "label", length = 128)
    private Set<String> labels = new TreeSet<>();

    protected Server() {
    }

    public Server(String name, OffsetDateTime created) {
        this.name = name;
        this.created = created;
    }

    /** Pins {@code key}; pinning the key already pinned keeps the time it was first pinned. */
    public void pinHostKey(SshPublicKey key, OffsetDateTime at) {
        if (!key.toString().equals(hostKey)) {
            this.hostKey = key.toString();
            this.hostKeyPinnedAt = at;
        }
    }

    /** The next key the server presents will be pinned, as on first contact. */
    public void forgetHostKey() {
        this.hostKey = null;
        this.hostKeyPinnedAt = null;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getHostKey() {
        return hostKey;
    }

    /** Null when no key is pinned, or when the stored text no longer reads as a valid key. */
    public String getHostKeyFingerprint() {
        try {
            return hostKey == null ? null : SshPublicKey.parse(hostKey).fingerprint();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public OffsetDateTime getHostKeyPinnedAt() {
        return hostKeyPinnedAt;
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

    public Set<String> getLabels() {
        return Set.copyOf(labels);
    }

    public void setLabels(Set<String> names) {
        labels.clear();
        labels.addAll(names);
    }
}
