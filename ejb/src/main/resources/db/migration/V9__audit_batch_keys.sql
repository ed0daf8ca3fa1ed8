-- The audit batches gateway nodes have written (com.shellguard.gateway.WrittenBatch), by the key the node gave each:
-- a batch a node sends again (its write committed, but the answer was lost to a database restart) is recognised and
-- not written twice. Keys older than a week are deleted: a batch is only ever sent again within seconds of its write.
CREATE TABLE sg_audit_batch (
    batch_key VARCHAR(80) NOT NULL,
    written TIMESTAMP NOT NULL,
    PRIMARY KEY (batch_key)
);
CREATE INDEX index_sg_audit_batch_written ON sg_audit_batch (written);
