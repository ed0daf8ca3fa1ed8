package com.shellguard.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An audit batch a node has written, by the key the node gave it ({@link AuditBatchWriter}). */
@Entity
@Table(name = "sg_audit_batch", indexes = @Index(columnList = "written"))
public class WrittenBatch {

    @Id
    @Column(name = "batch_key", length = 80)
    private String key;

    @Column(nullable = false)
    private OffsetDateTime written;

    protected WrittenBatch() {
    }

    WrittenBatch(String key, OffsetDateTime written) {
        this.key = key;
        this.written = written;
    }
}
