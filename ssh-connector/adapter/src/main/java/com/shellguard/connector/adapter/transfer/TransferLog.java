package com.shellguard.connector.adapter.transfer;

import com.shellguard.connector.api.FileTransfer;
import com.shellguard.connector.api.GatewayListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where one session's file operations go: each a {@link FileTransfer} handed to the application as work, so
 * the transfer never waits for the audit's database.
 */
public final class TransferLog {

    private static final Logger LOG = Logger.getLogger(TransferLog.class.getName());

    private final String sessionId;
    private final GatewayListener listener;
    private final Executor work;

    public TransferLog(String sessionId, GatewayListener listener, Executor work) {
        this.sessionId = sessionId;
        this.listener = listener;
        this.work = work;
    }

    void record(FileTransfer.Action action, Path path, String otherPath, long bytes, Throwable thrown) {
        FileTransfer.Result result = thrown == null ? FileTransfer.Result.OK
                : thrown instanceof ProtectedFileRefused ? FileTransfer.Result.REFUSED : FileTransfer.Result.ERROR;
        FileTransfer row = new FileTransfer(sessionId, action, absolute(path), otherPath, bytes,
                result, thrown == null ? null : String.valueOf(thrown.getMessage()), micros());
        try {
            work.execute(() -> deliver(row));
        } catch (RejectedExecutionException busy) {
            deliver(row);
        }
    }

    private void deliver(FileTransfer row) {
        try {
            listener.recordTransfers(List.of(row));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the file transfer " + row, e);
        }
    }

    static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static long micros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
