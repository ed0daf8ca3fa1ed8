package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.enumValue;
import static com.shellguard.api.JsonFields.integer;
import static com.shellguard.api.JsonFields.string;
import static com.shellguard.api.JsonFields.stringSet;
import static com.shellguard.api.JsonFields.strings;

import com.shellguard.command.CommandTrialService;
import com.shellguard.command.rule.CommandRuleDraft;
import com.shellguard.command.rule.CommandRuleService;
import com.shellguard.command.rule.RuleAction;
import com.shellguard.command.rule.RuleMatch;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Command rules, in the order they are tried (priority, then name). */
@Path("command-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommandRulesResource {

    @Inject
    CommandRuleService rules;

    @Inject
    CommandTrialService trials;

    @GET
    public JsonArray list() {
        return JsonViews.list(rules.list(), JsonViews::commandRule);
    }

    @POST
    public Response create(JsonObject json) {
        return Response.status(Response.Status.CREATED).entity(JsonViews.commandRule(rules.create(draft(body(json))))).build();
    }

    @GET
    @Path("{name}")
    public JsonObject get(@PathParam("name") String name) {
        return JsonViews.commandRule(rules.get(name));
    }

    @PUT
    @Path("{name}")
    public JsonObject update(@PathParam("name") String name, JsonObject json) {
        return JsonViews.commandRule(rules.update(name, draft(body(json))));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        rules.delete(name);
        return Response.noContent().build();
    }

    /** Sets the order rules are tried in: {@code {"order":[every rule's name]}}. */
    @PUT
    public JsonArray reorder(JsonObject json) {
        return JsonViews.list(rules.reorder(strings(body(json), "order")), JsonViews::commandRule);
    }

    /** Which rule would decide a line typed by this user on this server as this login; changes nothing. */
    @POST
    @ChangesNothing
    @Path("try")
    public JsonObject tryLine(JsonObject json) {
        JsonObject o = body(json);
        return JsonViews.commandTrial(trials.tryLine(string(o, "line"), string(o, "user"), string(o, "server"), string(o, "login")));
    }

    private static CommandRuleDraft draft(JsonObject o) {
        return new CommandRuleDraft(string(o, "name"), enumValue(o, "match", RuleMatch.class), string(o, "pattern"),
                enumValue(o, "action", RuleAction.class), stringSet(o, "users"), stringSet(o, "groups"),
                stringSet(o, "servers"), stringSet(o, "labels"), stringSet(o, "logins"), integer(o, "priority"),
                string(o, "description"));
    }
}
