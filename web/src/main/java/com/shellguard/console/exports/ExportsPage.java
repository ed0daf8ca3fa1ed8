package com.shellguard.console.exports;

import com.shellguard.export.AuditExportService;
import com.shellguard.export.ExportStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The audit export's destinations and their lag, read fresh on each request; they are configured through the API. */
@Named
@RequestScoped
public class ExportsPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    AuditExportService exports;

    private List<Row> rows;

    /** One destination as the page shows it; times in UTC, absent ones empty. */
    public record Row(String name, String kind, String url, String format, long pending, String lag, long delivered,
                      String lastDelivered, String lastError, String lastErrorAt, int failures) {
    }

    public List<Row> getRows() {
        if (rows == null) {
            long now = System.currentTimeMillis();
            rows = exports.list().stream().map(s -> row(s, now)).toList();
        }
        return rows;
    }

    private static Row row(ExportStatus s, long now) {
        var x = s.export();
        return new Row(x.getName(), x.getKind().name().toLowerCase(Locale.ROOT), x.getUrl(),
                x.getFormat().name().toLowerCase(Locale.ROOT), s.pending(), lag(s.lagSeconds(now), s.pending()),
                x.getDeliveredCount(), time(x.getLastDeliveredAt()), x.getLastError() == null ? "" : x.getLastError(),
                time(x.getLastErrorAt()), x.getFailures());
    }

    private static String lag(long seconds, long pending) {
        if (pending == 0) {
            return "none";
        }
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    private static String time(Long millis) {
        return millis == null ? "" : TIME.format(Instant.ofEpochMilli(millis));
    }
}
