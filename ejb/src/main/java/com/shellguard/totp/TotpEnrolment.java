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
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One account's TOTP second factor: its secret sealed by the vault, whether its owner proved they hold it
 * ({@code confirmed}; before that it asks for nothing), the last time step a code was accepted for (a code of that
 * step or an earlier one is a replay), and the hashes of the recovery codes not used yet. The row is read under a
 * database lock whenever a code is checked, and not kept in EclipseLink's shared cache, so every node of a cluster
 * sees the last step another node accepted.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_totp")
public class TotpEnrolment {

    @Id
    @Column(length = 128)
    private String username;

    @Column(name = "sealed_secret", nullable = false, length = 512)
    private String sealedSecret;

    private OffsetDateTime created;

    private OffsetDateTime confirmed;

    @Column(name = "last_step")
    private long lastStep;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_totp_recovery", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "code_hash", length = 64)
    private Set<String> recoveryHashes = new HashSet<>();

    protected TotpEnrolment() {
    }

    TotpEnrolment(String username, String sealedSecret, List<String> recoveryHashes, OffsetDateTime created) {
        this.username = username;
        this.sealedSecret = sealedSecret;
        this.recoveryHashes.addAll(recoveryHashes);
        this.created = created;
    }

    String username() {
        return username;
    }

    String sealedSecret() {
        return sealedSecret;
    }

    boolean isConfirmed() {
        return confirmed != null;
    }

    void confirm(OffsetDateTime at) {
        confirmed = at;
    }

    long lastStep() {
        return lastStep;
    }

    void used(long step) {
        lastStep = step;
    }

    /** Removes the recovery code with this hash; true if it was one not used yet. */
    boolean spendRecoveryCode(String hash) {
        return recoveryHashes.remove(hash);
    }

    int recoveryCodesLeft() {
        return recoveryHashes.size();
    }

    OffsetDateTime created() {
        return created;
    }
}
