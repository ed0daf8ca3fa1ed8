package com.shellguard.connector.adapter.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class OutputChunksTest {

    private final OutputChunks chunks = new OutputChunks();

    @Test
    void outputBetweenTheSmallestAndLargestSizeGetsTheNextPowerOfTwoAndOtherOutputItsOwnLength() {
        assertEquals(5, chunks.take(5).length);
        assertEquals(OutputChunks.SMALLEST - 1, chunks.take(OutputChunks.SMALLEST - 1).length);
        assertEquals(OutputChunks.SMALLEST, chunks.take(OutputChunks.SMALLEST).length);
        assertEquals(2 * OutputChunks.SMALLEST, chunks.take(OutputChunks.SMALLEST + 1).length);
        assertEquals(OutputChunks.LARGEST, chunks.take(OutputChunks.LARGEST).length);
        assertEquals(OutputChunks.LARGEST + 1, chunks.take(OutputChunks.LARGEST + 1).length);
    }

    @Test
    void anArrayHandedBackIsTakenAgainForOutputOfItsSizeOnly() {
        byte[] first = chunks.take(100_000);
        chunks.give(first);
        assertNotSame(first, chunks.take(50_000), "another size");
        assertSame(first, chunks.take(70_000));
        assertNotSame(first, chunks.take(70_000), "taken already");
    }

    @Test
    void arraysOfTheirOwnLengthAreNotKept() {
        byte[] odd = chunks.take(OutputChunks.LARGEST + 1);
        chunks.give(odd);
        byte[] small = chunks.take(100);
        chunks.give(small);
        assertNotSame(small, chunks.take(100));
    }
}
