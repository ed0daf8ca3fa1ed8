package com.shellguard.export;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A configured destination of the audit export, with its delivery state: which node holds the lease to deliver
 * it ({@code leaseOwner} until {@code leaseUntil}), when the next attempt may be made after failures, and the last
 * error. Times are epoch milliseconds. Not cached: nodes take the lease with conditional updates.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_audit_export")
public class AuditExport {

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 64, unique = true, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private ExportKind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private ExportPurpose purpose = ExportPurpose.AUDIT;

    @Column(length = 2048, nullable = false)
    private String url;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private ExportFormat format;

    /** The webhook's HMAC secret, sealed by the vault; null for syslog. */
    @Column(name = "sealed_secret", length = 1024)
    private String sealedSecret;

    /** PEM certificates trusted for this destination's TLS instead of the JVM's default trust store. */
    @Column(name = "ca_pem", length = 65536)
    private String caPem;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "created_by", length = 255)
    private String createdBy;

    @Column(name = "lease_owner", length = 255)
    private String leaseOwner;

    @Column(name = "lease_until", nullable = false)
    private long leaseUntil;

    @Column(name = "next_attempt_at", nullable = false)
    private long nextAttemptAt;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_error", length = 1024)
    private String lastError;

    @Column(name = "last_error_at")
    private Long lastErrorAt;

    @Column(name = "last_delivered_at")
    private Long lastDeliveredAt;

    @Column(name = "delivered_count", nullable = false)
    private long deliveredCount;

    protected AuditExport() {
    }

    public AuditExport(String id, String name, ExportKind kind, String url, ExportFormat format, String sealedSecret,
                       String caPem, long createdAt, String createdBy) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.url = url;
        this.format = format;
        this.sealedSecret = sealedSecret;
        this.caPem = caPem;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** The destination of the gateway's own notices of {@code purpose}: a webhook, signed when a secret is given. */
    static AuditExport notices(ExportPurpose purpose, String url, String sealedSecret, long createdAt, String createdBy) {
        AuditExport x = new AuditExport(purpose.destinationId(), purpose.destinationName(), ExportKind.WEBHOOK, url,
                ExportFormat.JSON, sealedSecret, null, createdAt, createdBy);
        x.purpose = purpose;
        return x;
    }

    void change(String url, ExportFormat format, String caPem, String sealedSecret) {
        this.url = url;
        this.format = format;
        this.caPem = caPem;
        this.sealedSecret = sealedSecret;
        this.failures = 0;
        this.nextAttemptAt = 0;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ExportPurpose getPurpose() {
        return purpose;
    }

    public ExportKind getKind() {
        return kind;
    }

    public String getUrl() {
        return url;
    }

    public ExportFormat getFormat() {
        return format;
    }

    String getSealedSecret() {
        return sealedSecret;
    }

    public String getCaPem() {
        return caPem;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public int getFailures() {
        return failures;
    }

    public String getLastError() {
        return lastError;
    }

    public Long getLastErrorAt() {
        return lastErrorAt;
    }

    public Long getLastDeliveredAt() {
        return lastDeliveredAt;
    }

    public long getDeliveredCount() {
        return deliveredCount;
    }
}
