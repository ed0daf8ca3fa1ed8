package com.shellguard.connector.adapter.relay;

import java.io.EOFException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Copies one asynchronous stream into another: read, write, and read again once the write is done and the
 * {@link ByteTap}, which sees each chunk before it is written, has room.
 * {@link #finished()} completes when the source reaches its end and every byte read was written, or
 * exceptionally when either side fails. Futures that are already done are handled in a loop rather
 * than by nested listeners, so a fast stream does not grow the stack.
 */
public final class StreamPump {

    private static final int CHUNK = 256 * 1024;

    private final IoInputStream source;
    private final IoOutputStream sink;
    private final ByteTap tap;
    private final AtomicLong bytes = new AtomicLong();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    public StreamPump(IoInputStream source, IoOutputStream sink) {
        this(source, sink, ByteTap.NONE);
    }

    public StreamPump(IoInputStream source, IoOutputStream sink, ByteTap tap) {
        this.source = source;
        this.sink = sink;
        this.tap = tap;
    }

    public StreamPump start() {
        pump();
        return this;
    }

    public CompletableFuture<Void> finished() {
        return finished;
    }

    public long bytes() {
        return bytes.get();
    }

    private void pump() {
        while (!finished.isDone()) {
            CompletableFuture<Void> room = tap.room();
            if (!room.isDone()) {
                // not on the thread that made room (the recording's writer), which has writing to do
                room.whenCompleteAsync((ok, failure) -> pump());
                return;
            }
            IoReadFuture read;
            try {
                read = source.read(new ByteArrayBuffer(CHUNK, false));
            } catch (RuntimeException e) {
                finished.completeExceptionally(e);
                return;
            }
            if (!read.isDone()) {
                read.addListener(done -> {
                    if (written(done)) {
                        pump();
                    }
                });
                return;
            }
            if (!written(read)) {
                return;
            }
        }
    }

    /** Writes what a completed read brought; true when the write is already done and reading may go on. */
    private boolean written(IoReadFuture read) {
        Throwable failure = read.getException();
        if (failure != null) {
            if (failure instanceof EOFException) {
                finished.complete(null);
            } else {
                finished.completeExceptionally(failure);
            }
            return false;
        }
        Buffer data = read.getBuffer();
        bytes.addAndGet(data.available());
        tap.bytes(data.array(), data.rpos(), data.available());
        IoWriteFuture write;
        try {
            write = sink.writeBuffer(data);
        } catch (Exception e) {
            finished.completeExceptionally(e);
            return false;
        }
        if (write.isDone()) {
            return succeeded(write);
        }
        write.addListener(done -> {
            if (succeeded(done)) {
                pump();
            }
        });
        return false;
    }

    private boolean succeeded(IoWriteFuture write) {
        if (write.getException() != null) {
            finished.completeExceptionally(write.getException());
            return false;
        }
        return true;
    }
}
