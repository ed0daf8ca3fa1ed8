package com.shellguard.api;

import com.shellguard.server.StartupFile;
import com.shellguard.server.StartupFileService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;

/**
 * The startup and key files of a login on a server, as the gateway's sessions found them: the accepted state, the one
 * last seen, whether they differ. {@code POST .../accept} makes the state last seen the accepted one.
 */
@Path("servers/{server}/accounts/{login}/startup-files")
@Produces(MediaType.APPLICATION_JSON)
public class StartupFilesResource {

    @Inject
    StartupFileService files;

    @Context
    SecurityContext security;

    @GET
    public JsonArray list(@PathParam("server") String server, @PathParam("login") String login) {
        return JsonViews.list(files.list(server, login), StartupFilesResource::view);
    }

    @POST
    @Path("accept")
    public JsonArray accept(@PathParam("server") String server, @PathParam("login") String login) {
        String by = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        return JsonViews.list(files.accept(server, login, by), StartupFilesResource::view);
    }

    private static JsonObject view(StartupFile f) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("path", f.getPath())
                .add("accepted", f.getAcceptedHash())
                .add("seen", f.getSeenHash())
                .add("changed", f.changed())
                .add("acceptedAt", time(f.getAcceptedAt()))
                .add("seenAt", time(f.getSeenAt()));
        if (f.getAcceptedBy() != null) {
            b.add("acceptedBy", f.getAcceptedBy());
        }
        if (f.getSeenSession() != null) {
            b.add("seenSession", f.getSeenSession());
        }
        return b.build();
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : t.toString();
    }
}
