package com.shellguard.server;

import com.shellguard.openssh.SshPublicKey;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One of a server's pinned host keys ({@code type base64}) and when it was pinned. */
@Embeddable
public class PinnedHostKey {

    @Column(name = "host_key", nullable = false, length = 8192)
    private String hostKey;

    @Column(name = "pinned_at")
    private OffsetDateTime pinnedAt;

    protected PinnedHostKey() {
    }

    PinnedHostKey(SshPublicKey key, OffsetDateTime pinnedAt) {
        this.hostKey = key.toString();
        this.pinnedAt = pinnedAt;
    }

    /** The key; throws when the stored text no longer reads as one (it was checked when stored). */
    public SshPublicKey key() {
        return SshPublicKey.parse(hostKey);
    }

    public String getHostKey() {
        return hostKey;
    }

    public String getType() {
        return hostKey.split(" ")[0];
    }

    /** Null when the stored text no longer reads as a valid key. */
    public String getFingerprint() {
        try {
            return key().fingerprint();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public OffsetDateTime getPinnedAt() {
        return pinnedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinnedHostKey other && hostKey.equals(other.hostKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostKey);
    }
}
