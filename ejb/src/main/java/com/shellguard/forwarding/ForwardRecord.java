package com.shellguard.forwarding;

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

/**
 * One forwarded connection, or one refused or failed forward: who, through which session, server and login, which
 * kind ({@code local} for every {@code direct-tcpip} channel, dynamic ones included; {@code remote}), where it went
 * (for a remote forward: the address the target listened on, and who connected there), bytes each way, when and how
 * long, and how it ended.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_forward", indexes = {@Index(columnList = "started"), @Index(columnList = "session_id")})
public class ForwardRecord {

    public enum Result { CLOSED, REFUSED, FAILED }

    @Id
    @Column(length = 36)
    private String id = AuditId.next();

    @Column(name = "session_id", length = 64)
    private String sessionId;

    @Column(name = "user_name", length = 128)
    private String userName;

    @Column(name = "server_name", length = 128)
    private String serverName;

    @Column(length = 128)
    private String login;

    @Column(length = 16)
    private String kind;

    @Column(length = 300)
    private String destination;

    @Column(length = 300)
    private String originator;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "gateway_node", length = 128)
    private String gatewayNode;

    private OffsetDateTime started;

    @Column(name = "duration_ms")
    private long durationMs;

    @Column(name = "bytes_to_target")
    private long bytesToTarget;

    @Column(name = "bytes_from_target")
    private long bytesFromTarget;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Result result;

    @Column(length = 1024)
    private String message;

    protected ForwardRecord() {
    }

    public ForwardRecord(String sessionId, String userName, String serverName, String login, String kind,
                         String destination, String originator, String clientAddress, String gatewayNode,
                         OffsetDateTime started, long durationMs, long bytesToTarget, long bytesFromTarget, Result result,
                         String message) {
        this.sessionId = sessionId;
        this.userName = Texts.clip(userName, 128);
        this.serverName = Texts.clip(serverName, 128);
        this.login = Texts.clip(login, 128);
        this.kind = kind;
        this.destination = Texts.clip(destination, 300);
        this.originator = Texts.clip(originator, 300);
        this.clientAddress = Texts.clip(clientAddress, 64);
        this.gatewayNode = Texts.clip(gatewayNode, 128);
        this.started = started;
        this.durationMs = durationMs;
        this.bytesToTarget = bytesToTarget;
        this.bytesFromTarget = bytesFromTarget;
        this.result = result;
        this.message = Texts.clip(message, 1024);
    }

    public String getId() {
        return id;
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

    public String getLogin() {
        return login;
    }

    public String getKind() {
        return kind;
    }

    public String getDestination() {
        return destination;
    }

    public String getOriginator() {
        return originator;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getGatewayNode() {
        return gatewayNode;
    }

    public OffsetDateTime getStarted() {
        return started;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public long getBytesToTarget() {
        return bytesToTarget;
    }

    public long getBytesFromTarget() {
        return bytesFromTarget;
    }

    public Result getResult() {
        return result;
    }

    public String getMessage() {
        return message;
    }
}
