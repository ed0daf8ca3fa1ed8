package com.shellguard.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rows of {@code (hour, count)} from a grouped audit query, as a map; databases disagree on the number types. */
public final class HourlyCounts {

    private HourlyCounts() {
    }

    public static Map<Integer, Long> of(List<Object[]> rows) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.merge(((Number) row[0]).intValue(), ((Number) row[1]).longValue(), Long::sum);
        }
        return counts;
    }
}
