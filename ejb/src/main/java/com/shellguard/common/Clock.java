package com.shellguard.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Audit times are UTC with millisecond precision, the same on H2 and PostgreSQL. */
public final class Clock {

    private Clock() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A time the hook measured, in microseconds since the epoch; none (0) reads as now. */
    public static OffsetDateTime ofMicros(long micros) {
        return micros <= 0 ? now() : Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
