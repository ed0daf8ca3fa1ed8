package com.shellguard.api;

import static com.shellguard.api.QueryParameters.constant;

import com.shellguard.command.audit.CommandAuditService;
import com.shellguard.command.audit.CommandQuery;
import com.shellguard.command.audit.Verdict;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The commands of hooked sessions, newest first; {@code q} searches the command text and the line typed. */
@Path("audit/commands")
@Produces(MediaType.APPLICATION_JSON)
public class CommandAuditResource {

    @Inject
    CommandAuditService audit;

    @GET
    public JsonArray list(@BeanParam AuditFilter filter, @QueryParam("session") String session, @QueryParam("server") String server,
                          @QueryParam("verdict") String verdict, @QueryParam("q") String text) {
        return JsonViews.list(audit.commands(new CommandQuery(filter.query(null, null), session, server,
                constant("verdict", verdict, Verdict.class), text)), JsonViews::command);
    }
}
