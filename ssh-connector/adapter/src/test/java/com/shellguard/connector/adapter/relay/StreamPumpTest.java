package com.shellguard.connector.adapter.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.sshd.common.channel.ChannelAsyncInputStream.IoReadFutureImpl;
import org.apache.sshd.common.channel.IoWriteFutureImpl;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.io.WritePendingException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.closeable.AbstractCloseable;
import org.junit.jupiter.api.Test;

class StreamPumpTest {

    /**
     * Behaves as MINA's channel input stream: what arrives waits in the stream's own buffer, and a read takes as
     * much of it as the reader's buffer holds, at once or as soon as something arrives.
     */
    private static final class Source extends AbstractCloseable implements IoInputStream {
        final ByteArrayBuffer waiting = new ByteArrayBuffer();
        final List<Buffer> readInto = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();
        IoReadFutureImpl pending;
        Buffer pendingInto;
        boolean ended;

        @Override
        public IoReadFuture read(Buffer buffer) {
            assertFalse(pending != null, "a read while another is pending");
            readInto.add(buffer);
            sizes.add(buffer.array().length);
            IoReadFutureImpl future = new IoReadFutureImpl("read", buffer);
            pending = future;
            pendingInto = buffer;
            deliver();
            return future;
        }

        void arrive(byte[] bytes) {
            waiting.putRawBytes(bytes);
            deliver();
        }

        void end() {
            ended = true;
            deliver();
        }

        private void deliver() {
            if (pending == null) {
                return;
            }
            IoReadFutureImpl future = pending;
            if (waiting.available() > 0) {
                pending = null;
                int n = pendingInto.putBuffer(waiting, false);
                waiting.compact();
                future.setValue(n);
            } else if (ended) {
                pending = null;
                future.setValue(new EOFException("ended"));
            }
        }
    }

    /**
     * A sink stricter than MINA's channel output stream: it takes the bytes only when the write completes (MINA
     * copies them before), so a pump that touched its buffer before then would deliver something else.
     */
    private static final class Sink extends AbstractCloseable implements IoOutputStream {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        IoWriteFutureImpl pending;
        int largestWrite;

        @Override
        public IoWriteFuture writeBuffer(Buffer buffer) {
            if (pending != null) {
                throw new WritePendingException("a write while another is pending");
            }
            largestWrite = Math.max(largestWrite, buffer.available());
            pending = new IoWriteFutureImpl("write", buffer);
            return pending;
        }

        /** Completes the pending write, if any; the pump may then read and write again on this thread. */
        boolean completeOne() {
            IoWriteFutureImpl done = pending;
            if (done == null) {
                return false;
            }
            Buffer buffer = done.getBuffer();
            received.write(buffer.array(), buffer.rpos(), buffer.available());
            buffer.rpos(buffer.wpos());
            pending = null;
            done.setValue(Boolean.TRUE);
            return true;
        }

        void completeAll() {
            while (completeOne()) {
                // the pump's next write, if it had something to read, is pending now
            }
        }
    }

    private final Source source = new Source();
    private final Sink sink = new Sink();
    private final ByteArrayOutputStream tapped = new ByteArrayOutputStream();
    private final StreamPump pump = new StreamPump(source, sink, tapped::write);

    @Test
    void theReusedBufferNeverChangesWhatTheUserOrTheTapGot() {
        Random random = new Random(7);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        pump.start();
        for (int i = 0; i < 400; i++) {
            byte[] chunk = new byte[random.nextInt(i % 3 == 0 ? 600_000 : 2000) + 1];
            random.nextBytes(chunk);
            sent.write(chunk, 0, chunk.length);
            source.arrive(chunk);
            if (random.nextInt(3) == 0) {
                sink.completeAll();
            } else {
                sink.completeOne();
            }
        }
        sink.completeAll();
        source.end();
        assertTrue(pump.finished().isDone() && !pump.finished().isCompletedExceptionally());
        assertArrayEquals(sent.toByteArray(), sink.received.toByteArray());
        assertArrayEquals(sent.toByteArray(), tapped.toByteArray());
        assertEquals(sent.size(), pump.bytes());
    }

    /** Given more than a packet at once, MINA would copy the rest first: the pump hands it a packet at a time. */
    @Test
    void theSinkGetsAtMostAPacketPerWriteAndEverythingInOrder() {
        StreamPump sliced = new StreamPump(source, sink, tapped::write, 1000).start();
        Random random = new Random(11);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) {
            byte[] chunk = new byte[random.nextInt(5000) + 1];
            random.nextBytes(chunk);
            sent.write(chunk, 0, chunk.length);
            source.arrive(chunk);
            sink.completeAll();
        }
        source.end();
        assertTrue(sliced.finished().isDone() && !sliced.finished().isCompletedExceptionally());
        assertEquals(1000, sink.largestWrite);
        assertArrayEquals(sent.toByteArray(), sink.received.toByteArray());
        assertArrayEquals(sent.toByteArray(), tapped.toByteArray());
    }

    @Test
    void theReadBufferGrowsWithABulkTransferAndShrinksWhenLittleArrives() {
        pump.start();
        source.arrive(new byte[4 * StreamPump.MAX_CHUNK]);
        sink.completeAll();
        int k = StreamPump.MIN_CHUNK;
        assertEquals(List.of(k, 2 * k, 4 * k, 8 * k, 8 * k, 8 * k, 8 * k), source.sizes.subList(0, 7));
        assertEquals(1, source.readInto.subList(3, 7).stream().distinct().count(), "reads of one size share a buffer");
        for (int i = 0; i < 5; i++) {
            source.arrive(new byte[] {'$', ' '});
            sink.completeAll();
        }
        assertEquals(List.of(4 * k, 2 * k, k, k, k), source.sizes.subList(source.sizes.size() - 5, source.sizes.size()));
        assertEquals(4 * StreamPump.MAX_CHUNK + 10, sink.received.size());
    }
}
