package com.shellguard.connector.adapter.relay;

import java.io.EOFException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
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
 *
 * <p>One read buffer, reused: a new one per read cost a bulk download several times its own size in allocation
 * (a 256 KiB buffer for a read that often brought 32 KiB), and the collections that came with it. Reuse is safe
 * because the pump is strictly read, write, write done, read: MINA's channel stream copies what it sends into its
 * own packets before it completes the write (a write larger than the window or packet is copied whole first), and
 * a tap copies what it keeps. The buffer follows what arrives: a read that fills it doubles it for the next read
 * (up to {@value #MAX_CHUNK} bytes, what a bulk transfer needs to move few large chunks), a read that brings less
 * than an eighth of it halves it (down to {@value #MIN_CHUNK}, one SSH packet), so an idle or interactive
 * session's pending reads hold little.
 *
 * <p>What a read brought is written a packet at a time when the sink is an SSH channel: given more than the peer's
 * packet size at once, MINA first copies the whole rest of it into a buffer of its own, which for a bulk download was
 * another copy (and allocation) of every byte.
 */
public final class StreamPump {

    static final int MIN_CHUNK = 32 * 1024;
    static final int MAX_CHUNK = 256 * 1024;

    private final IoInputStream source;
    private final IoOutputStream sink;
    private final ByteTap tap;
    private final int packet;
    private final AtomicLong bytes = new AtomicLong();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    /** Touched by one thread at a time: each step runs after the previous read or write completed. */
    private ByteArrayBuffer chunk = new ByteArrayBuffer(MIN_CHUNK, false);

    public StreamPump(IoInputStream source, IoOutputStream sink) {
        this(source, sink, ByteTap.NONE);
    }

    public StreamPump(IoInputStream source, IoOutputStream sink, ByteTap tap) {
        this(source, sink, tap, packetOf(sink));
    }

    /** {@code packet}: the most bytes one write gives the sink. */
    StreamPump(IoInputStream source, IoOutputStream sink, ByteTap tap, int packet) {
        if (packet <= 0) {
            throw new IllegalArgumentException("a write of at most " + packet + " bytes");
        }
        this.source = source;
        this.sink = sink;
        this.tap = tap;
        this.packet = packet;
    }

    /** The peer's packet size for a channel's stream (none yet, as for any other sink: no limit). */
    private static int packetOf(IoOutputStream sink) {
        long packet = sink instanceof ChannelAsyncOutputStream channel ? channel.getChannel().getRemoteWindow().getPacketSize() : 0;
        return packet > 0 ? (int) Math.min(packet, Integer.MAX_VALUE) : Integer.MAX_VALUE;
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
                chunk.clear(false);
                read = source.read(chunk);
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
        int length = data.available();
        bytes.addAndGet(length);
        tap.bytes(data.array(), data.rpos(), length);
        resizeAfter(length);
        return sent(data);
    }

    /** Writes the rest of {@code data}, at most a packet per write; true when all of it is written already. */
    private boolean sent(Buffer data) {
        while (data.available() > 0) {
            int n = Math.min(data.available(), packet);
            Buffer slice = new ByteArrayBuffer(data.array(), data.rpos(), n, true);
            data.rpos(data.rpos() + n);
            IoWriteFuture write;
            try {
                write = sink.writeBuffer(slice);
            } catch (Exception e) {
                finished.completeExceptionally(e);
                return false;
            }
            if (!write.isDone()) {
                write.addListener(done -> {
                    if (succeeded(done) && sent(data)) {
                        pump();
                    }
                });
                return false;
            }
            if (!succeeded(write)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sizes the buffer of the next read by what this one brought; the one being written is left alone (a new
     * one replaces it, so nothing is copied).
     */
    private void resizeAfter(int length) {
        int capacity = chunk.array().length;
        if (length >= capacity && capacity < MAX_CHUNK) {
            chunk = new ByteArrayBuffer(capacity * 2, false);
        } else if (length < capacity / 8 && capacity > MIN_CHUNK) {
            chunk = new ByteArrayBuffer(capacity / 2, false);
        }
    }

    private boolean succeeded(IoWriteFuture write) {
        if (write.getException() != null) {
            finished.completeExceptionally(write.getException());
            return false;
        }
        return true;
    }
}
