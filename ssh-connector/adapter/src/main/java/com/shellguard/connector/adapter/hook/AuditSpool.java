package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.CommandRecordBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The node's audit spool: audit batches that could not be written to the database and no longer fit in memory, kept
 * on the node's disk in the order they were made, until the database takes them. One file per batch
 * ({@code 00000000000000000042.batch}, the batch serialized), written to a temporary name, forced to disk and renamed,
 * so a crash leaves either the whole batch or none of it; a batch is deleted only once the database has it. The files
 * survive a restart of the node: a node that starts with a spool delivers it before anything new.
 *
 * <p>Bounded by {@code maxBytes}: a batch that does not fit is refused ({@link #append} returns false) and the caller
 * counts it as lost. A file that cannot be read back (a disk error, a spool written by another release whose classes
 * differ) is renamed {@code .unreadable}, logged, and skipped, so one bad file does not stop the rest.
 *
 * <p>Not thread-safe: one delivery at a time uses it (its caller serializes).
 */
public final class AuditSpool {

    private static final Logger LOG = Logger.getLogger(AuditSpool.class.getName());
    private static final String SUFFIX = ".batch";
    /** Where an empty spool starts numbering, leaving room below for {@link #prepend}. */
    private static final long FIRST = 1_000_000_000_000L;
    /** A spool file holds the connector's audit values and the JDK's collections, nothing else. */
    private static final ObjectInputFilter ONLY_AUDIT =
            ObjectInputFilter.Config.createFilter("com.shellguard.connector.api.*;java.base/*;!*");

    private final Path dir;
    private final long maxBytes;
    private final Deque<Path> files = new ArrayDeque<>();
    private long bytes;
    private long next;

    public AuditSpool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> listed = Files.list(dir)) {
                listed.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().forEach(files::add);
            }
            for (Path file : files) {
                bytes += Files.size(file);
            }
            next = files.isEmpty() ? FIRST : sequence(files.peekLast()) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit spool " + dir, e);
        }
        if (!files.isEmpty()) {
            LOG.warning(() -> "ShellGuard: the audit spool " + dir + " holds " + files.size() + " batch(es) (" + bytes
                    + " bytes) an earlier run could not write to the database; they are written first");
        }
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    int batches() {
        return files.size();
    }

    long bytes() {
        return bytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    Path directory() {
        return dir;
    }

    /** Keeps the batch on disk after those already there; false, writing nothing, when it would exceed the bound. */
    boolean append(CommandRecordBatch batch) {
        return append(batch, false);
    }

    /** As {@link #append(CommandRecordBatch)}, beyond the bound if {@code evenIfFull} (a few alerts about the spool itself). */
    boolean append(CommandRecordBatch batch, boolean evenIfFull) {
        if (!write(batch, next, evenIfFull)) {
            return false;
        }
        next++;
        files.addLast(dir.resolve(name(next - 1)));
        return true;
    }

    /**
     * Keeps these batches on disk before those already there, in their order (what memory held when the node stops is
     * older than what was spooled); returns how many items did not fit and are lost.
     */
    long prepend(List<CommandRecordBatch> batches) {
        long first = files.isEmpty() ? next : sequence(files.peekFirst());
        long lost = 0;
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            long seq = first - batches.size() + i;
            if (write(batches.get(i), seq, false)) {
                written.add(dir.resolve(name(seq)));
            } else {
                lost += batches.get(i).size();
            }
        }
        for (int i = written.size() - 1; i >= 0; i--) {
            files.addFirst(written.get(i));
        }
        return lost;
    }

    private boolean write(CommandRecordBatch batch, long seq, boolean evenIfFull) {
        byte[] data = serialize(batch);
        if (bytes + data.length > maxBytes && !evenIfFull) {
            return false;
        }
        Path file = dir.resolve(name(seq));
        Path temporary = dir.resolve(file.getFileName() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "ShellGuard: cannot write to the audit spool " + dir, e);
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the temporary name is overwritten by the next attempt
            }
            return false;
        }
        bytes += data.length;
        return true;
    }

    private static String name(long seq) {
        return String.format("%020d", seq) + SUFFIX;
    }

    /** The oldest batch, read from its file; empty when the spool is empty. */
    Optional<CommandRecordBatch> oldest() {
        while (!files.isEmpty()) {
            Path file = files.peekFirst();
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
                in.setObjectInputFilter(ONLY_AUDIT);
                return Optional.of((CommandRecordBatch) in.readObject());
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                LOG.log(Level.SEVERE, "ShellGuard: the audit spool's file " + file + " cannot be read; it is set aside as "
                        + file.getFileName() + ".unreadable and the spool goes on without it", e);
                try {
                    long size = Files.size(file);
                    Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
                    bytes -= size;
                } catch (IOException moveFailed) {
                    LOG.log(Level.SEVERE, "ShellGuard: cannot set aside " + file, moveFailed);
                }
                files.pollFirst();
            }
        }
        return Optional.empty();
    }

    /** Deletes the oldest batch: the database has it. */
    void removeOldest() {
        Path file = files.pollFirst();
        if (file == null) {
            return;
        }
        try {
            bytes -= Files.size(file);
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + " from the audit spool after writing it", e);
        }
    }

    private static long sequence(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static byte[] serialize(CommandRecordBatch batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
