package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.integer;
import static com.shellguard.api.JsonFields.string;

import com.shellguard.access.AccessRequestSettings;
import com.shellguard.export.ExportStatus;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * {@code {"webhookUrl","webhookSecret","maxMinutes","maxPending"}}: where each request and decision is posted, the
 * HMAC secret it is signed with (write-only: reads say {@code webhookSecretSet}), the longest access a request may
 * ask for, and how many requests a person may have pending. Reads add {@code webhookDelivery}: how far behind the
 * webhook is, as an audit export's lag reads.
 */
@Path("settings/access-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessRequestSettingsResource {

    @Inject
    AccessRequestSettings settings;

    @GET
    public JsonObject get() {
        return view(settings.get());
    }

    @PUT
    public JsonObject set(JsonObject json) {
        JsonObject o = body(json);
        return view(settings.set(string(o, "webhookUrl"), string(o, "webhookSecret"), integer(o, "maxMinutes"),
                integer(o, "maxPending")));
    }

    private static JsonObject view(AccessRequestSettings.View s) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (s.webhookUrl() == null) {
            b.addNull("webhookUrl");
        } else {
            b.add("webhookUrl", s.webhookUrl());
        }
        b.add("webhookSecretSet", s.webhookSecretSet()).add("maxMinutes", s.maxMinutes()).add("maxPending", s.maxPending());
        if (s.delivery() == null) {
            b.addNull("webhookDelivery");
        } else {
            b.add("webhookDelivery", delivery(s.delivery()));
        }
        return b.build();
    }

    private static JsonObject delivery(ExportStatus status) {
        long now = System.currentTimeMillis();
        JsonObjectBuilder b = Json.createObjectBuilder().add("pending", status.pending()).add("lagSeconds", status.lagSeconds(now))
                .add("delivered", status.export().getDeliveredCount()).add("failures", status.export().getFailures());
        time(b, "lastDelivered", status.export().getLastDeliveredAt());
        if (status.export().getLastError() == null) {
            b.addNull("lastError");
        } else {
            b.add("lastError", status.export().getLastError());
        }
        time(b, "nextAttempt", status.export().getNextAttemptAt() > now ? status.export().getNextAttemptAt() : null);
        return b.build();
    }

    private static void time(JsonObjectBuilder b, String name, Long epochMillis) {
        if (epochMillis == null) {
            b.addNull(name);
        } else {
            b.add(name, Instant.ofEpochMilli(epochMillis).toString());
        }
    }
}
