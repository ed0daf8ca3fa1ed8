package com.shellguard.connector.adapter.transfer;

import com.shellguard.connector.api.FileTransfer.Action;
import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * The audit of one SFTP session, from MINA's SFTP server events: a row per file handle when it closes (upload
 * when opened for writing, download otherwise, with the bytes that went through it), per failed or refused
 * open, and per change to the tree (rename, remove, mkdir, rmdir, link, setstat). MINA's SFTP server handles
 * one session's requests on one thread, in order; the map is guarded all the same, as the client's leaving
 * closes what is open from another.
 */
final class SftpFileAudit implements SftpEventListener {

    private record Opened(Action action, Path path, AtomicLong bytes) {
    }

    private final TransferLog log;
    private final Map<Handle, Opened> open = new IdentityHashMap<>();
    private volatile Action opening = Action.DOWNLOAD;

    SftpFileAudit(TransferLog log) {
        this.log = log;
    }

    @Override
    public void opening(ServerSession session, String remoteHandle, Handle localHandle) {
        if (localHandle instanceof FileHandle file) {
            opening = GuardedSftpAccess.writes(file.getOpenOptions()) ? Action.UPLOAD : Action.DOWNLOAD;
        }
    }

    @Override
    public void open(ServerSession session, String remoteHandle, Handle localHandle) {
        if (localHandle instanceof FileHandle file) {
            Action action = GuardedSftpAccess.writes(file.getOpenOptions()) ? Action.UPLOAD : Action.DOWNLOAD;
            synchronized (open) {
                open.put(localHandle, new Opened(action, file.getFile(), new AtomicLong()));
            }
        }
    }

    @Override
    public void openFailed(ServerSession session, String remotePath, Path localPath, boolean isDirectory, Throwable thrown) {
        if (!isDirectory) {
            log.record(opening, localPath, null, 0, thrown);
        }
    }

    @Override
    public void read(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                     int dataOffset, int dataLen, int readLen, Throwable thrown) {
        if (readLen > 0) {
            count(localHandle, readLen);
        }
    }

    @Override
    public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                        int dataOffset, int dataLen, Throwable thrown) {
        if (thrown == null) {
            count(localHandle, dataLen);
        }
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
        finish(localHandle, thrown);
    }

    @Override
    public void exiting(ServerSession session, Handle handle) {
        finish(handle, new java.io.EOFException("the client left without closing the file"));
    }

    @Override
    public void moved(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts, Throwable thrown) {
        log.record(Action.RENAME, srcPath, TransferLog.absolute(dstPath), 0, thrown);
    }

    @Override
    public void removed(ServerSession session, Path path, boolean isDirectory, Throwable thrown) {
        log.record(isDirectory ? Action.RMDIR : Action.REMOVE, path, null, 0, thrown);
    }

    @Override
    public void created(ServerSession session, Path path, Map<String, ?> attrs, Throwable thrown) {
        log.record(Action.MKDIR, path, null, 0, thrown);
    }

    @Override
    public void linked(ServerSession session, Path source, Path target, boolean symLink, Throwable thrown) {
        log.record(symLink ? Action.SYMLINK : Action.LINK, source, target.toString(), 0, thrown);
    }

    @Override
    public void modifiedAttributes(ServerSession session, Path path, Map<String, ?> attrs, Throwable thrown) {
        log.record(Action.SETSTAT, path, null, 0, thrown);
    }

    private void count(Handle handle, long bytes) {
        Opened opened;
        synchronized (open) {
            opened = open.get(handle);
        }
        if (opened != null) {
            opened.bytes().addAndGet(bytes);
        }
    }

    private void finish(Handle handle, Throwable thrown) {
        Opened opened;
        synchronized (open) {
            opened = open.remove(handle);
        }
        if (opened != null) {
            log.record(opened.action(), opened.path(), null, opened.bytes().get(), thrown);
        }
    }
}
