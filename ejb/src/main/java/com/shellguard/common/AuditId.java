package com.shellguard.common;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for audit rows, which are written hundreds a second and never updated by id: UUIDs of version 7, whose
 * leading 48 bits are the creation time in milliseconds. New rows then land at the end of the primary-key index
 * instead of at random places in it (random UUIDs made every insert touch a different index page, on H2 and
 * PostgreSQL alike). They are unique, not secret, so they take thread-local randomness, not SecureRandom.
 */
public final class AuditId {

    private AuditId() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
