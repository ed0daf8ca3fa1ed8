package com.shellguard.export;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One audit event as it leaves the gateway: a stable {@code id} (the audit row's own, so a receiver can drop a
 * duplicate delivery), its {@link AuditEventKind}, when it happened, a one-line summary and the row's fields, in the
 * order given. Field values are text, numbers, booleans, enums (by name) or times; nulls are left out.
 */
public final class AuditEvent {

    /** Payloads are clipped to this many characters of JSON; a longer field value is cut to fit. */
    static final int MAX_FIELD = 8192;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private final String id;
    private final AuditEventKind kind;
    private final OffsetDateTime time;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private String summary;

    private AuditEvent(AuditEventKind kind, String id, OffsetDateTime time) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = Objects.requireNonNull(id, "id");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** An event of {@code kind} with the audit row's {@code id} and time; add fields with {@link #with}. */
    public static AuditEvent of(AuditEventKind kind, String id, OffsetDateTime time) {
        return new AuditEvent(kind, id, time);
    }

    /** Adds a field (left out when {@code value} is null). */
    public AuditEvent with(String name, Object value) {
        if (value != null) {
            fields.put(name, value instanceof Enum<?> e ? e.name() : value instanceof OffsetDateTime t ? time(t) : value);
        }
        return this;
    }

    /** The one line a person reads first: syslog's MSG, JSON's {@code summary}. */
    public AuditEvent summary(String text) {
        this.summary = text;
        return this;
    }

    public String id() {
        return id;
    }

    public AuditEventKind kind() {
        return kind;
    }

    public OffsetDateTime time() {
        return time;
    }

    public String summaryText() {
        return summary;
    }

    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    static String time(OffsetDateTime t) {
        return TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The event as the JSON object every destination's message is made from, {@code node} being the node that wrote it. */
    public String toJson(String node) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", id).add("type", kind.wire()).add("time", time(time));
        if (node != null) {
            o.add("node", node);
        }
        if (summary != null) {
            o.add("summary", clip(summary));
        }
        fields.forEach((name, value) -> {
            if (value instanceof Boolean b) {
                o.add(name, b);
            } else if (value instanceof Integer i) {
                o.add(name, i);
            } else if (value instanceof Long l) {
                o.add(name, l);
            } else if (value instanceof Number n) {
                o.add(name, n.doubleValue());
            } else {
                o.add(name, clip(value.toString()));
            }
        });
        return o.build().toString();
    }

    private static String clip(String s) {
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) + "..." : s;
    }
}
