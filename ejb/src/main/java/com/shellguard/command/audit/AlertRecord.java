package com.shellguard.command.audit;

import com.shellguard.common.AuditId;
import com.shellguard.common.Texts;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Something about a session the security team must see; {@code commandId} names the command when one caused it. */
@Entity
@Cacheable(false)
@Table(name = "sg_alert", indexes = {@Index(columnList = "alert_time"), @Index(columnList = "session_id")})
public class AlertRecord {

    @Id
    @Column(length = 36)
    private String id = AuditId.next();

    @Column(name = "alert_time")
    private OffsetDateTime time;

    @Column(name = "session_id", length = 64)
    private String sessionId;

    @Column(name = "user_name", length = 128)
    private String userName;

    @Column(name = "server_name", length = 128)
    private String serverName;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private AlertKind kind;

    @Column(length = 2048)
    private String detail;

    @Column(name = "command_id", length = 64)
    private String commandId;

    protected AlertRecord() {
    }

    public AlertRecord(OffsetDateTime time, String sessionId, String userName, String serverName, AlertKind kind,
                       String detail, String commandId) {
        this.time = time;
        this.sessionId = sessionId;
        this.userName = userName;
        this.serverName = serverName;
        this.kind = kind;
        this.detail = Texts.clip(detail, 2048);
        this.commandId = Texts.clip(commandId, 64);
    }

    public String getId() {
        return id;
    }

    public OffsetDateTime getTime() {
        return time;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getUserName() {
        return userName;
    }

    public String getServerName() {
        return serverName;
    }

    public AlertKind getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }

    public String getCommandId() {
        return commandId;
    }
}
