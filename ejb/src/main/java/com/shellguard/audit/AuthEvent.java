package com.shellguard.audit;

import com.shellguard.common.AuditId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "sg_auth_event", indexes = {@Index(columnList = "event_time"), @Index(columnList = "user_name")})
public class AuthEvent {

    @Id
    @Column(length = 36)
    private String id = AuditId.next();

    @Column(name = "event_time")
    private OffsetDateTime time;

    @Column(name = "user_name", length = 255)
    private String userName;

    @Column(length = 32)
    private String method;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    private boolean success;

    @Column(length = 1024)
    private String reason;

    protected AuthEvent() {
    }

    public AuthEvent(OffsetDateTime time, String userName, String method, String sourceAddress, boolean success, String reason) {
        this.time = time;
        this.userName = userName;
        this.method = method;
        this.sourceAddress = sourceAddress;
        this.success = success;
        this.reason = reason;
    }

    public String getId() {
        return id;
    }

    public OffsetDateTime getTime() {
        return time;
    }

    public String getUserName() {
        return userName;
    }

    public String getMethod() {
        return method;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public boolean isSuccess() {
        return success;
    }

    public String getReason() {
        return reason;
    }
}
