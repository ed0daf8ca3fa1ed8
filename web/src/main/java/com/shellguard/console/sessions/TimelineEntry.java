package com.shellguard.console.sessions;

import com.shellguard.command.audit.CommandRecord;
import java.time.Duration;
import java.time.OffsetDateTime;

/** One command of a session's timeline: the audit row and how far into the session it started, in seconds. */
public record TimelineEntry(CommandRecord command, double offsetSeconds) {

    static TimelineEntry of(CommandRecord command, OffsetDateTime sessionStart) {
        double offset = sessionStart == null || command.getTime() == null ? 0
                : Math.max(0, Duration.between(sessionStart, command.getTime()).toMillis() / 1000.0);
        return new TimelineEntry(command, offset);
    }

    /** As the timeline shows it: minutes and seconds into the session. */
    public String getAt() {
        long s = (long) offsetSeconds;
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
