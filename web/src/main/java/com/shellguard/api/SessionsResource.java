package com.shellguard.api;

import static com.shellguard.api.QueryParameters.byteOffset;
import static com.shellguard.api.QueryParameters.flag;

import com.shellguard.audit.AuditService;
import com.shellguard.recording.RecordingSlice;
import com.shellguard.recording.SessionRecordings;
import com.shellguard.session.SessionTerminator;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The audit of sessions through the gateway, newest first; {@code ?active=true} for the ones still running.
 * A session's recording ({@code /recording}, asciicast v2, whole or from a byte offset for a live view), and
 * ending a running session ({@code DELETE}).
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    static final String ASCIICAST = "application/x-asciicast";
    /** Where the next {@code ?from=} read of a recording starts. */
    static final String NEXT_OFFSET = "X-Recording-Next-Offset";
    /** Whether the session still runs, so that its recording may still grow. */
    static final String LIVE = "X-Session-Live";
    /** A live view's increment: big enough for a burst of output, small enough to poll every second. */
    private static final long LIVE_CHUNK = 4L * 1024 * 1024;

    @Inject
    AuditService audit;

    @Inject
    SessionRecordings recordings;

    @Inject
    SessionTerminator terminator;

    @GET
    public JsonArray list(@BeanParam AuditFilter filter, @QueryParam("active") String active) {
        return JsonViews.list(audit.sessions(filter.query(null, flag("active", active))), JsonViews::session);
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return JsonViews.session(audit.session(id));
    }

    /**
     * The recording as a file a player takes ({@code asciinema play}); with {@code ?from=N}, only the complete
     * lines after byte N (up to a few MiB), for a live view that polls: start at 0, then ask from the
     * {@value #NEXT_OFFSET} header's value until {@value #LIVE} is false and nothing new came.
     */
    @GET
    @Path("{id}/recording")
    @Produces({ASCIICAST, MediaType.APPLICATION_JSON})
    public Response recording(@PathParam("id") String id, @QueryParam("from") String from) {
        RecordingSlice slice = from == null ? recordings.whole(id) : recordings.from(id, byteOffset("from", from), LIVE_CHUNK);
        StreamingOutput body = slice::transferTo;
        return Response.ok(body, ASCIICAST + "; charset=utf-8")
                .header("Content-Length", slice.length())
                .header(NEXT_OFFSET, slice.to())
                .header(LIVE, slice.live())
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Ends a running session: the user is told and disconnected within about a second. 202: asked, not yet done. */
    @DELETE
    @Path("{id}")
    public Response terminate(@PathParam("id") String id, @Context SecurityContext security) {
        terminator.terminate(id, security.getUserPrincipal().getName());
        return Response.accepted(Json.createObjectBuilder().add("id", id).add("terminating", true).build()).build();
    }
}
