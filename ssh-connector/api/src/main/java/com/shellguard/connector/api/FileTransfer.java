package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * One file operation of a file transfer the gateway terminated (SFTP or legacy scp): a file opened for
 * reading ({@link Action#DOWNLOAD}) or writing ({@link Action#UPLOAD}) with the bytes that went through it, or
 * a change to the target's tree. {@code path} is the absolute path on the target; {@code otherPath} is a
 * rename's new name or a link's target (null otherwise). A {@link Result#REFUSED} operation never reached the
 * target: it would have changed one of the login's protected startup or key files.
 */
public record FileTransfer(String sessionId, Action action, String path, String otherPath, long bytes, Result result,
                           String detail, long timeMicros) implements Serializable {

    public enum Action {
        UPLOAD, DOWNLOAD, RENAME, REMOVE, MKDIR, RMDIR, SETSTAT, SYMLINK, LINK
    }

    public enum Result {
        OK, REFUSED, ERROR
    }
}
