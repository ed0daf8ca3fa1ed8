package com.shellguard.activity;

import java.time.OffsetDateTime;
import java.util.Map;

/** The audit counted by hour of the day (UTC), for the dashboard; hours with nothing are left out. */
public interface ActivityRepository {

    /** Commands that did not run (blocked or terminated) from {@code from} (inclusive) to {@code to} (exclusive). */
    Map<Integer, Long> blockedCommandsPerHour(OffsetDateTime from, OffsetDateTime to);

    /** Failed logins (SSH and console) from {@code from} (inclusive) to {@code to} (exclusive). */
    Map<Integer, Long> failedLoginsPerHour(OffsetDateTime from, OffsetDateTime to);
}
