package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.integer;
import static com.shellguard.api.JsonFields.string;

import com.shellguard.access.AccessRequestSettings;
import com.shellguard.access.AccessSettings;
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

/**
 * {@code {"webhookUrl","webhookSecret","maxMinutes"}}: where each request and decision is posted, the HMAC secret it
 * is signed with (write-only: reads say {@code webhookSecretSet}), and the longest access a request may ask for.
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
        return view(settings.set(string(o, "webhookUrl"), string(o, "webhookSecret"), integer(o, "maxMinutes")));
    }

    private static JsonObject view(AccessSettings s) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (s.getWebhookUrl() == null) {
            b.addNull("webhookUrl");
        } else {
            b.add("webhookUrl", s.getWebhookUrl());
        }
        return b.add("webhookSecretSet", s.getWebhookSecret() != null).add("maxMinutes", s.getMaxMinutes()).build();
    }
}
