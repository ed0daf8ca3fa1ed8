package com.shellguard.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditIdTest {

    @Test
    void idsAreVersion7UuidsThatSortByCreationTime() throws InterruptedException {
        String first = AuditId.next();
        Thread.sleep(2);
        String second = AuditId.next();
        UUID parsed = UUID.fromString(first);
        assertEquals(7, parsed.version());
        assertEquals(2, parsed.variant());
        assertTrue(first.compareTo(second) < 0, first + " before " + second);
    }

    @Test
    void idsCreatedInTheSameMillisecondAreStillDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(AuditId.next());
        }
        assertEquals(100_000, ids.size());
    }
}
