package com.shellguard.connector.adapter.recording;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * The arrays that carry a session's output from the relay's thread to the recording's writer, handed back by the
 * writer once it has written them. A recorded bulk download otherwise allocated a copy of every relay read, its own
 * size again, which kept the garbage collector busy on a node whose two legs of encryption already share the
 * processors. Output of {@value #SMALLEST} bytes or more goes into an array of the next power of two, up to
 * {@value #LARGEST} (the relay's largest read), so an array holds at most twice its bytes; each size keeps at most
 * {@value #KEPT} arrays for the whole node (under 8 MiB in all, however many sessions), and smaller or larger
 * output gets an array of its own length, as keystroke echoes always did.
 *
 * <p>Thread-safe: any relay thread takes, the writer gives back.
 */
final class OutputChunks {

    static final int SMALLEST = 16 * 1024;
    static final int LARGEST = 256 * 1024;
    private static final int KEPT = 16;

    @SuppressWarnings("unchecked")
    private final ArrayBlockingQueue<byte[]>[] free = new ArrayBlockingQueue[Integer.numberOfTrailingZeros(LARGEST) + 1];

    OutputChunks() {
        for (int size = SMALLEST; size <= LARGEST; size *= 2) {
            free[Integer.numberOfTrailingZeros(size)] = new ArrayBlockingQueue<>(KEPT);
        }
    }

    /** An array that holds at least {@code length} bytes: one handed back earlier, or a new one. */
    byte[] take(int length) {
        if (length < SMALLEST || length > LARGEST) {
            return new byte[length];
        }
        int size = Integer.highestOneBit(length - 1) << 1;
        byte[] kept = free[Integer.numberOfTrailingZeros(size)].poll();
        return kept != null ? kept : new byte[size];
    }

    /** The writer is done with {@code chunk}: kept for the next output of its size while there is room. */
    void give(byte[] chunk) {
        int size = chunk.length;
        if (size >= SMALLEST && size <= LARGEST && Integer.bitCount(size) == 1) {
            free[Integer.numberOfTrailingZeros(size)].offer(chunk);
        }
    }
}
