package com.shellguard.export;

import com.shellguard.common.AuditId;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One event waiting for (or done with) one destination: written in the transaction that writes the audit row, so
 * it exists exactly when the row does; marked delivered once the destination took it, and removed a day later.
 * {@code position} orders a destination's events (time in microseconds, strictly increasing on each node).
 */
@Entity
@Cacheable(false)
@Table(name = "sg_audit_outbox", indexes = @Index(name = "sg_audit_outbox_pending", columnList = "export_id,delivered_at,queue_pos"))
public class OutboxEntry {

    @Id
    @Column(length = 36)
    private String id = AuditId.next();

    @Column(name = "export_id", length = 36, nullable = false)
    private String exportId;

    @Column(name = "event_id", length = 128, nullable = false)
    private String eventId;

    @Column(name = "event_type", length = 32, nullable = false)
    private String eventType;

    @Column(name = "queue_pos", nullable = false)
    private long position;

    @Column(name = "queued_at", nullable = false)
    private long queuedAt;

    @Column(name = "delivered_at")
    private Long deliveredAt;

    @Column(length = 65536, nullable = false)
    private String payload;

    protected OutboxEntry() {
    }

    OutboxEntry(String exportId, String eventId, String eventType, long position, long queuedAt, String payload) {
        this.exportId = exportId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.position = position;
        this.queuedAt = queuedAt;
        this.payload = payload;
    }

    public String getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    public String getPayload() {
        return payload;
    }

    public long getQueuedAt() {
        return queuedAt;
    }
}
