package com.shellguard.activity;

import com.shellguard.audit.AuditQuery;
import com.shellguard.audit.AuditRepository;
import com.shellguard.common.Clock;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The dashboard's figures. */
@Stateless
public class ActivityService {

    /** The live sessions listed; the dashboard links the audit for the rest. */
    static final int LIVE_SHOWN = 100;

    @Inject
    AuditRepository audit;

    @Inject
    ActivityRepository counts;

    public TodayActivity today() {
        OffsetDateTime start = Clock.now().truncatedTo(ChronoUnit.DAYS);
        OffsetDateTime end = start.plusDays(1);
        return new TodayActivity(start.toLocalDate(),
                audit.sessions(new AuditQuery(null, null, true, null, null, LIVE_SHOWN, 0)),
                hours(counts.blockedCommandsPerHour(start, end)), hours(counts.failedLoginsPerHour(start, end)));
    }

    private static long[] hours(Map<Integer, Long> counts) {
        long[] perHour = new long[24];
        counts.forEach((hour, count) -> {
            if (hour >= 0 && hour < 24) {
                perHour[hour] += count;
            }
        });
        return perHour;
    }
}
