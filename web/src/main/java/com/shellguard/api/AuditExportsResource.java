package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.string;

import com.shellguard.export.AuditExport;
import com.shellguard.export.AuditExportService;
import com.shellguard.export.CreatedExport;
import com.shellguard.export.ExportDraft;
import com.shellguard.export.ExportStatus;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Locale;

/**
 * The audit export's destinations and how far behind each is. A webhook's secret is in the creation response
 * when the gateway generated it, and nowhere else.
 */
@Path("audit-exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuditExportsResource {

    @Inject
    AuditExportService exports;

    @GET
    public JsonArray list() {
        long now = System.currentTimeMillis();
        JsonArrayBuilder out = Json.createArrayBuilder();
        exports.list().forEach(s -> out.add(view(s, now)));
        return out.build();
    }

    @GET
    @Path("{name}")
    public JsonObject get(@PathParam("name") String name) {
        return view(exports.get(name), System.currentTimeMillis());
    }

    @POST
    public Response create(JsonObject json, @Context SecurityContext security) {
        CreatedExport created = exports.create(draft(body(json)), security.getUserPrincipal().getName());
        JsonObjectBuilder view = Json.createObjectBuilder(view(created.export(), System.currentTimeMillis()));
        if (created.secret() != null) {
            view.add("secret", created.secret());
        }
        return Response.status(Response.Status.CREATED).entity(view.build()).build();
    }

    @PUT
    @Path("{name}")
    public JsonObject change(@PathParam("name") String name, JsonObject json) {
        JsonObject body = body(json);
        if (body.containsKey("name") && !name.equals(string(body, "name"))) {
            throw new com.shellguard.common.ValidationException("name cannot change: delete the export and create it again");
        }
        return view(exports.change(name, draft(body)), System.currentTimeMillis());
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        exports.delete(name);
        return Response.noContent().build();
    }

    private static ExportDraft draft(JsonObject body) {
        return new ExportDraft(string(body, "name"), string(body, "kind"), string(body, "url"), string(body, "format"),
                string(body, "secret"), string(body, "ca"));
    }

    static JsonObject view(ExportStatus status, long now) {
        AuditExport x = status.export();
        JsonObjectBuilder o = Json.createObjectBuilder().add("name", x.getName())
                .add("kind", x.getKind().name().toLowerCase(Locale.ROOT)).add("url", x.getUrl())
                .add("format", x.getFormat().name().toLowerCase(Locale.ROOT)).add("ca", x.getCaPem() != null)
                .add("created", time(x.getCreatedAt()));
        if (x.getCreatedBy() != null) {
            o.add("createdBy", x.getCreatedBy());
        }
        o.add("pending", status.pending()).add("lagSeconds", status.lagSeconds(now)).add("delivered", x.getDeliveredCount())
                .add("failures", x.getFailures());
        optionalTime(o, "oldestPending", status.oldestPendingAt());
        optionalTime(o, "lastDelivered", x.getLastDeliveredAt());
        if (x.getLastError() != null) {
            o.add("lastError", x.getLastError());
        }
        optionalTime(o, "lastErrorAt", x.getLastErrorAt());
        if (x.getFailures() > 0 && x.getNextAttemptAt() > 0) {
            o.add("nextAttempt", time(x.getNextAttemptAt()));
        }
        return o.build();
    }

    private static void optionalTime(JsonObjectBuilder o, String field, Long millis) {
        if (millis != null) {
            o.add(field, time(millis));
        }
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
