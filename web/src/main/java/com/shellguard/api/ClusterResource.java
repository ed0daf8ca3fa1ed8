package com.shellguard.api;

import com.shellguard.cluster.ClusterView;
import com.shellguard.cluster.NodeState;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The gateway nodes and their heartbeats, as the answering node sees them (README "When a node dies"). */
@Path("cluster/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Inject
    ClusterView cluster;

    @GET
    public JsonArray list() {
        return JsonViews.list(cluster.nodes(), ClusterResource::node);
    }

    private static JsonObject node(NodeState n) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", n.name()).add("self", n.self()).add("state", n.state())
                .add("beats", n.beats()).add("startedAt", n.startedAt().toString()).add("lastBeat", n.lastBeat().toString());
        if (n.quietSeconds() == null) {
            b.addNull("quietSeconds");
        } else {
            b.add("quietSeconds", n.quietSeconds());
        }
        if (n.lostAt() == null) {
            b.addNull("lostAt").addNull("lostBy");
        } else {
            b.add("lostAt", n.lostAt().toString()).add("lostBy", n.lostBy() == null ? "" : n.lostBy());
        }
        return b.add("openSessions", n.openSessions()).build();
    }
}
