package com.shellguard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyslogLineTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 7, 9, 30, 0, 123_456_000, ZoneOffset.UTC);

    @Test
    void anRfc5424LineCarriesTheFieldsAsStructuredDataAndTheSummaryAsMessage() {
        String json = AuditEvent.of(AuditEventKind.COMMAND, "c-1", T).summary("ALLOWED echo hi")
                .with("user", "alice").with("verdict", "ALLOWED").with("exitStatus", 0).with("alert", false).toJson("gw1");
        assertEquals("<86>1 2026-12-07T09:30:00.123456Z gw1 shellguard - command [shellguard@32473 id=\"c-1\" user=\"alice\""
                + " verdict=\"ALLOWED\" exitStatus=\"0\" alert=\"false\"] ALLOWED echo hi", SyslogLine.format(json, ExportFormat.RFC5424));
    }

    @Test
    void quotesBackslashesAndClosingBracketsAreEscapedAndControlCharactersKeepTheEventOnOneLine() {
        String json = AuditEvent.of(AuditEventKind.COMMAND, "c-2", T).summary("a\nb")
                .with("line", "echo \"x\\y]\"\ncat <<EOF").toJson("gw1");
        String line = SyslogLine.format(json, ExportFormat.RFC5424);
        assertTrue(line.contains("line=\"echo \\\"x\\\\y\\]\\\"#012cat <<EOF\"]"), line);
        assertTrue(line.endsWith("] a#012b"), line);
        assertFalse(line.contains("\n"), line);
    }

    @Test
    void severityIsWarningForAlertsAndRefusedLoginsNoticeForRefusalsInformationalOtherwise() {
        assertTrue(SyslogLine.format(AuditEvent.of(AuditEventKind.ALERT, "a", T).with("kind", "TAMPER").toJson("n"),
                ExportFormat.RFC5424).startsWith("<84>1 "));
        assertTrue(SyslogLine.format(AuditEvent.of(AuditEventKind.AUTH, "b", T).with("success", false).toJson("n"),
                ExportFormat.RFC5424).startsWith("<84>1 "));
        assertTrue(SyslogLine.format(AuditEvent.of(AuditEventKind.COMMAND, "c", T).with("verdict", "BLOCKED").toJson("n"),
                ExportFormat.RFC5424).startsWith("<85>1 "));
        assertTrue(SyslogLine.format(AuditEvent.of(AuditEventKind.AUTH, "d", T).with("success", true).toJson("n"),
                ExportFormat.RFC5424).startsWith("<86>1 "));
    }

    @Test
    void theJsonFormatPutsTheWholeEventInTheMessageWithoutStructuredData() {
        String json = AuditEvent.of(AuditEventKind.SESSION_START, "s/start", T).with("user", "bob").toJson("node a");
        assertEquals("<86>1 2026-12-07T09:30:00.123456Z node_a shellguard - session.start - " + json,
                SyslogLine.format(json, ExportFormat.JSON));
    }
}
