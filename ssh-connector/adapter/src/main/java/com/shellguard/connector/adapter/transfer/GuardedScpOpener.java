package com.shellguard.connector.adapter.transfer;

import com.shellguard.connector.adapter.transfer.ProtectedFiles.Reach;
import com.shellguard.connector.api.FileTransfer.Action;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.scp.common.helpers.DefaultScpFileOpener;

/**
 * MINA's scp file opener with every file scp writes checked against the login's {@link ProtectedFiles} first. A
 * refusal is audited here, since MINA announces a received file to its listeners only once it is open; the
 * client gets the reason as scp's error line.
 */
final class GuardedScpOpener extends DefaultScpFileOpener {

    private final ProtectedFiles protectedFiles;
    private final TransferLog log;

    GuardedScpOpener(ProtectedFiles protectedFiles, TransferLog log) {
        this.protectedFiles = protectedFiles;
        this.log = log;
    }

    @Override
    public OutputStream openWrite(Session session, Path file, long size, Set<PosixFilePermission> permissions,
                                  OpenOption... options) throws IOException {
        try {
            protectedFiles.check(file, Reach.FOLLOWING, "writing");
        } catch (ProtectedFileRefused refused) {
            log.record(Action.UPLOAD, file, null, 0, refused);
            throw refused;
        }
        return super.openWrite(session, file, size, permissions, options);
    }

    /** MINA's options without the ones the target's SFTP file system does not take (SYNC, DSYNC). */
    @Override
    protected OpenOption[] resolveOpenOptions(Session session, Path file, long size, Set<PosixFilePermission> permissions,
                                              OpenOption... options) throws IOException {
        return Arrays.stream(super.resolveOpenOptions(session, file, size, permissions, options))
                .filter(o -> o != StandardOpenOption.SYNC && o != StandardOpenOption.DSYNC).toArray(OpenOption[]::new);
    }
}
