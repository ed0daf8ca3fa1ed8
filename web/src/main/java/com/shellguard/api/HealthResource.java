package com.shellguard.api;

import com.shellguard.health.DatabaseHealth;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness for load balancers and start-up scripts; public, and tells nothing but UP or DOWN. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    DatabaseHealth database;

    @GET
    public Response health() {
        boolean up;
        try {
            up = database.isUp();
        } catch (RuntimeException e) {
            up = false;
        }
        return Response.status(up ? 200 : 503).entity(Json.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN").add("database", up ? "UP" : "DOWN").build()).build();
    }
}
