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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

@Entity
@Table(name = "sg_server")
@NamedQuery(name = "Server.byName", query = "select s from Server s where s.name = :name")
@NamedQuery(name = "Server.all", query = "select s from Server s order by s.name")
@NamedQuery(name = "Server.withLegacyHostKey", query = "select s from Server s where s.legacyHostKey is not null")
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

    /**
     * The pinned host keys, as OpenSSH's {@code known_hosts} holds them for a host: any number, any type. Sessions
     * negotiate only these keys' types; none means the next session learns and pins every key the server proves.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_server_host_key", joinColumns = @JoinColumn(name = "server_id"))
    private Set<PinnedHostKey> hostKeys = new HashSet<>();

    /** Earlier versions' single pinned key; moved into {@link #hostKeys} at startup ({@link HostKeyMigration}), null after. */
    @Column(name = "host_key", length = 8192)
    private String legacyHostKey;

    @Column(name = "host_key_pinned_at")
    private OffsetDateTime legacyHostKeyPinnedAt;

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

    /** Adds {@code keys} to the pinned ones; a key pinned already keeps the time it was first pinned. */
    public void pinHostKeys(Collection<SshPublicKey> keys, OffsetDateTime at) {
        keys.forEach(k -> hostKeys.add(new PinnedHostKey(k, at)));
    }

    /** Pins exactly {@code keys}: others are forgotten, those pinned already keep their time. */
    public void replaceHostKeys(Collection<SshPublicKey> keys, OffsetDateTime at) {
        Set<String> wanted = keys.stream().map(SshPublicKey::toString).collect(Collectors.toSet());
        hostKeys.removeIf(k -> !wanted.contains(k.getHostKey()));
        pinHostKeys(keys, at);
    }

    /** The next session learns and pins every key the server proves, as on first contact. */
    public void forgetHostKeys() {
        hostKeys.clear();
    }

    /** Moves an earlier version's single pinned key into the set; true when there was one. */
    boolean migrateLegacyHostKey() {
        if (legacyHostKey == null) {
            return false;
        }
        try {
            pinHostKeys(List.of(SshPublicKey.parse(legacyHostKey)), legacyHostKeyPinnedAt);
        } catch (IllegalArgumentException unreadable) {
            // a text that never read as a key pinned nothing: the next session pins what the server proves
        }
        legacyHostKey = null;
        legacyHostKeyPinnedAt = null;
        return true;
    }

    /** The pinned keys, Ed25519 first, then ECDSA, then RSA (OpenSSH's order of preference), each type by key. */
    public List<PinnedHostKey> getHostKeys() {
        return hostKeys.stream().sorted(Comparator.comparingInt((PinnedHostKey k) -> typeRank(k.getType()))
                .thenComparing(PinnedHostKey::getHostKey)).toList();
    }

    /** The pinned keys that read as keys (all of them, as they were checked when stored). */
    public List<SshPublicKey> pinnedKeys() {
        List<SshPublicKey> keys = new ArrayList<>();
        for (PinnedHostKey k : getHostKeys()) {
            try {
                keys.add(k.key());
            } catch (IllegalArgumentException unreadable) {
                // cannot match anything, so it refuses nothing either
            }
        }
        return keys;
    }

    private static int typeRank(String type) {
        int rank = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa").indexOf(type);
        return rank < 0 ? Integer.MAX_VALUE : rank;
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

    /** The first pinned key ({@link #getHostKeys()}), for callers that know one key per server; null when none. */
    public String getHostKey() {
        return first() == null ? null : first().getHostKey();
    }

    public String getHostKeyFingerprint() {
        return first() == null ? null : first().getFingerprint();
    }

    public OffsetDateTime getHostKeyPinnedAt() {
        return first() == null ? null : first().getPinnedAt();
    }

    private PinnedHostKey first() {
        List<PinnedHostKey> keys = getHostKeys();
        return keys.isEmpty() ? null : keys.get(0);
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
