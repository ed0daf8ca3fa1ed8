package com.shellguard.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** How pages write values: lists as comma-separated text, audit times as UTC to the second. */
@Named
@ApplicationScoped
public class Show {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    public String join(Collection<?> values) {
        return values == null ? "" : String.join(", ", values.stream().map(String::valueOf).toList());
    }

    public String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time);
    }

    public String instant(Instant time) {
        return time == null ? "" : TIME.format(time.atOffset(ZoneOffset.UTC));
    }
}
