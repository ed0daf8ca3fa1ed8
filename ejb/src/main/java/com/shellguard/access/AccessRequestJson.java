package com.shellguard.access;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON of a request and of its audit steps: one shape for the REST API and the webhook. */
public final class AccessRequestJson {

    private AccessRequestJson() {
    }

    public static JsonObject of(AccessRequest r) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", r.getId()).add("user", r.getRequester());
        nullable(b, "server", r.getServerName());
        nullable(b, "label", r.getLabel());
        b.add("login", r.getLogin())
                .add("minutes", Json.createValue(r.getDuration().toSeconds() / 60.0))
                .add("reason", r.getReason())
                .add("origin", r.getOrigin())
                .add("state", r.getState().name());
        time(b, "created", r.getCreated());
        nullable(b, "decidedBy", r.getDecidedBy());
        time(b, "decided", r.getDecided());
        nullable(b, "comment", r.getComment());
        nullable(b, "grant", r.getGrantId());
        time(b, "expires", r.getExpires());
        return b.build();
    }

    /** The request with its audit steps ({@code events}), oldest first. */
    public static JsonObject withEvents(AccessRequest r, List<AccessEvent> events) {
        var array = Json.createArrayBuilder();
        events.forEach(e -> array.add(event(e)));
        return Json.createObjectBuilder(of(r)).add("events", array).build();
    }

    public static JsonObject event(AccessEvent e) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", e.getId());
        time(b, "time", e.getTime());
        b.add("kind", e.getKind().name());
        nullable(b, "request", e.getRequestId());
        nullable(b, "grant", e.getGrantId());
        nullable(b, "session", e.getSessionId());
        nullable(b, "actor", e.getActor());
        nullable(b, "detail", e.getDetail());
        return b.build();
    }

    private static void nullable(JsonObjectBuilder b, String field, String value) {
        if (value == null) {
            b.addNull(field);
        } else {
            b.add(field, value);
        }
    }

    private static void time(JsonObjectBuilder b, String field, OffsetDateTime value) {
        nullable(b, field, value == null ? null : value.toString());
    }
}
