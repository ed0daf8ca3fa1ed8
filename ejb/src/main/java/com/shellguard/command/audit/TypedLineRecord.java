package com.shellguard.command.audit;

import com.shellguard.common.AuditId;
import com.shellguard.common.Texts;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A line as the user typed it at a prompt, before expansion: what the person meant, next to the commands
 * the shell made of it (which carry the same line id and a copy of the text).
 */
@Entity
@Cacheable(false)
@Table(name = "sg_typed_line", indexes = {@Index(columnList = "session_id, line_id"), @Index(columnList = "line_time")})
public class TypedLineRecord {

    @Id
    @Column(length = 36)
    private String id = AuditId.next();

    @Column(name = "session_id", length = 64)
    private String sessionId;

    @Column(name = "line_id", length = 64)
    private String lineId;

    @Column(name = "line_text", length = CommandRecord.TEXT)
    private String text;

    @Column(name = "line_time")
    private OffsetDateTime time;

    protected TypedLineRecord() {
    }

    public TypedLineRecord(String sessionId, String lineId, String text, OffsetDateTime time) {
        this.sessionId = sessionId;
        this.lineId = Texts.clip(lineId, 64);
        this.text = Texts.clip(text, CommandRecord.TEXT);
        this.time = time;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getLineId() {
        return lineId;
    }

    public String getText() {
        return text;
    }

    public OffsetDateTime getTime() {
        return time;
    }
}
