package com.shellguard.connector.adapter.transfer;

import com.shellguard.connector.api.FileTransfer.Action;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.scp.common.ScpTransferEventListener;

/** The audit of one legacy scp session: a row per file MINA's scp received (upload) or sent (download). */
final class ScpFileAudit implements ScpTransferEventListener {

    private final TransferLog log;

    ScpFileAudit(TransferLog log) {
        this.log = log;
    }

    @Override
    public void endFileEvent(Session session, FileOperation op, Path file, long length, Set<PosixFilePermission> perms,
                             Throwable thrown) {
        log.record(op == FileOperation.RECEIVE ? Action.UPLOAD : Action.DOWNLOAD, file, null, length, thrown);
    }
}
