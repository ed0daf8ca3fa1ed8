package com.shellguard.export;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;

/**
 * An event as one RFC 5424 syslog message: facility authpriv (10); severity warning for alerts and refused logins,
 * notice for refused or blocked actions, informational otherwise; HOSTNAME the node that wrote the event, APP-NAME
 * {@code shellguard}, MSGID the event's type. In {@link ExportFormat#RFC5424} the structured data element
 * {@code shellguard@32473} carries the event's id and fields and MSG is its summary; in {@link ExportFormat#JSON}
 * MSG is the event's JSON. Control characters in values are written as {@code #} and three octal digits (as
 * rsyslog does), so every message is one line. 32473 is the enterprise number RFC 5612 sets aside for examples.
 */
public final class SyslogLine {

    public static final String SD_ID = "shellguard@32473";
    static final int FACILITY_AUTHPRIV = 10;
    private static final Set<String> HEADER = Set.of("id", "type", "time", "node", "summary");
    private static final Set<String> NOTICE = Set.of("REFUSED", "BLOCKED", "TERMINATED", "FAILED");

    private SyslogLine() {
    }

    public static String format(String payload, ExportFormat format) {
        JsonObject event;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            event = reader.readObject();
        }
        StringBuilder line = new StringBuilder(256);
        line.append('<').append(FACILITY_AUTHPRIV * 8 + severity(event)).append(">1 ")
                .append(headerField(text(event, "time"), 64)).append(' ')
                .append(headerField(text(event, "node"), 255)).append(" shellguard - ")
                .append(headerField(text(event, "type"), 32)).append(' ');
        if (format == ExportFormat.JSON) {
            line.append("- ").append(event);
            return line.toString();
        }
        line.append('[').append(SD_ID).append(" id=\"");
        escape(text(event, "id"), line);
        line.append('"');
        for (Map.Entry<String, JsonValue> field : event.entrySet()) {
            if (HEADER.contains(field.getKey()) || !paramName(field.getKey())) {
                continue;
            }
            line.append(' ').append(field.getKey()).append("=\"");
            escape(value(field.getValue()), line);
            line.append('"');
        }
        line.append(']');
        String summary = text(event, "summary");
        if (summary != null) {
            line.append(' ');
            control(summary, line);
        }
        return line.toString();
    }

    static int severity(JsonObject event) {
        String type = text(event, "type");
        if ("alert".equals(type) || ("auth".equals(type) && event.containsKey("success") && !event.getBoolean("success"))) {
            return 4;
        }
        for (String field : new String[] {"status", "verdict", "result"}) {
            String value = text(event, field);
            if (value != null && NOTICE.contains(value)) {
                return 5;
            }
        }
        return 6;
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : value(v);
    }

    private static String value(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return v.toString();
    }

    /** RFC 5424 header fields are printable US-ASCII without spaces, or "-" when absent. */
    private static String headerField(String s, int max) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }

    private static boolean paramName(String name) {
        if (name.isEmpty() || name.length() > 32) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (c <= 32 || c >= 127 || c == '=' || c == ']' || c == '"') {
                return false;
            }
        }
        return true;
    }

    /** A PARAM-VALUE: '"', '\' and ']' escaped with a backslash (RFC 5424, 6.3.3), control characters as #NNN. */
    private static void escape(String s, StringBuilder out) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\').append(c);
            } else {
                control(c, out);
            }
        }
    }

    private static void control(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            control(s.charAt(i), out);
        }
    }

    private static void control(char c, StringBuilder out) {
        if (c < 32 || c == 127) {
            out.append('#').append(String.format("%03o", (int) c));
        } else {
            out.append(c);
        }
    }
}
