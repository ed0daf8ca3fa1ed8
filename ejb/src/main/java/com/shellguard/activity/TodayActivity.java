package com.shellguard.activity;

import com.shellguard.audit.SessionRecord;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Today's activity (UTC day): the sessions open now, and per hour 0..23 the commands stopped (blocked or
 * terminated) and the failed logins.
 */
public record TodayActivity(LocalDate day, List<SessionRecord> liveSessions, long[] blockedCommandsPerHour,
                            long[] failedLoginsPerHour) {

    public long blockedCommands() {
        return Arrays.stream(blockedCommandsPerHour).sum();
    }

    public long failedLogins() {
        return Arrays.stream(failedLoginsPerHour).sum();
    }
}
