package com.shellguard.transfer;

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
 * One file operation of a transfer the gateway terminated: a file uploaded or downloaded with its bytes, or a
 * change to the target's tree (rename, remove, mkdir, rmdir, symlink, link, setstat), with who did it where and
 * whether it went through, failed, or was refused by the protected-files policy.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_file_transfer", indexes = {@Index(columnList = "transfer_time"), @Index(columnList = "session_id"),
        @Index(columnList = "user_name")})
public class FileTransferRecord {

    @Id
    @Column(length = 36)
    private String id = AuditId.next();

    @Column(name = "transfer_time")
    private OffsetDateTime time;

    @Column(name = "session_id", length = 64)
    private String sessionId;

    @Column(name = "user_name", length = 128)
    private String userName;

    @Column(name = "server_name", length = 128)
    private String serverName;

    @Column(length = 128)
    private String login;

    @Column(length = 16)
    private String action;

    @Column(length = 4096)
    private String path;

    @Column(name = "other_path", length = 4096)
    private String otherPath;

    private long bytes;

    @Column(length = 16)
    private String result;

    @Column(length = 1024)
    private String detail;

    protected FileTransferRecord() {
    }

    public FileTransferRecord(OffsetDateTime time, String sessionId, String userName, String serverName, String login,
                              String action, String path, String otherPath, long bytes, String result, String detail) {
        this.time = time;
        this.sessionId = sessionId;
        this.userName = userName;
        this.serverName = serverName;
        this.login = login;
        this.action = action;
        this.path = Texts.clip(path, 4096);
        this.otherPath = Texts.clip(otherPath, 4096);
        this.bytes = bytes;
        this.result = result;
        this.detail = Texts.clip(detail, 1024);
    }

    /** UPLOAD or DOWNLOAD for a file's content, null for a change to the tree. */
    public String getDirection() {
        return "UPLOAD".equals(action) || "DOWNLOAD".equals(action) ? action : null;
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

    public String getLogin() {
        return login;
    }

    public String getAction() {
        return action;
    }

    public String getPath() {
        return path;
    }

    public String getOtherPath() {
        return otherPath;
    }

    public long getBytes() {
        return bytes;
    }

    public String getResult() {
        return result;
    }

    public String getDetail() {
        return detail;
    }
}
