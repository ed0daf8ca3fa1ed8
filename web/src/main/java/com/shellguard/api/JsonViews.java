package com.shellguard.api;

import com.shellguard.audit.AuthEvent;
import com.shellguard.audit.SessionRecord;
import com.shellguard.grant.Grant;
import com.shellguard.grant.GrantRule;
import com.shellguard.server.Server;
import com.shellguard.server.ServerAccount;
import com.shellguard.token.ApiToken;
import com.shellguard.token.IssuedToken;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.GroupMembers;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** How each resource looks on the wire. Only what is listed here is ever returned; secrets are not listed. */
final class JsonViews {

    private JsonViews() {
    }

    static JsonObject user(GatewayUser u) {
        return Json.createObjectBuilder()
                .add("username", u.getUsername())
                .add("role", u.getRole().name())
                .add("enabled", u.isEnabled())
                .add("hasPassword", u.hasPassword())
                .add("publicKeys", array(u.getPublicKeys()))
                .add("groups", array(u.getGroups()))
                .add("created", time(u.getCreated()))
                .build();
    }

    static JsonObject group(GroupMembers g) {
        return Json.createObjectBuilder().add("name", g.name()).add("members", array(g.members())).build();
    }

    static JsonObject server(Server s) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("name", s.getName())
                .add("host", s.getHost())
                .add("port", s.getPort())
                .add("labels", array(s.getLabels()));
        nullable(b, "description", s.getDescription());
        nullable(b, "hostKey", s.getHostKey());
        nullable(b, "hostKeyFingerprint", s.getHostKeyFingerprint());
        b.add("hostKeyPinnedAt", time(s.getHostKeyPinnedAt()));
        return b.add("created", time(s.getCreated())).build();
    }

    static JsonObject account(ServerAccount a) {
        return Json.createObjectBuilder()
                .add("server", a.getServer().getName())
                .add("login", a.getLogin())
                .add("kind", a.getKind().name())
                .add("created", time(a.getCreated()))
                .add("updated", time(a.getUpdated()))
                .build();
    }

    static JsonObject grant(Grant g) {
        GrantRule r = g.rule();
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", g.getId());
        nullable(b, "user", r.user());
        nullable(b, "group", r.group());
        nullable(b, "server", r.server());
        nullable(b, "label", r.label());
        return b.add("logins", array(r.logins())).add("created", time(g.getCreated())).build();
    }

    static JsonObject session(SessionRecord s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", s.getId());
        nullable(b, "user", s.getUserName());
        nullable(b, "server", s.getServerName());
        nullable(b, "login", s.getLogin());
        nullable(b, "clientAddress", s.getClientAddress());
        nullable(b, "kind", s.getKind());
        nullable(b, "command", s.getCommand());
        nullable(b, "gatewayNode", s.getGatewayNode());
        b.add("start", time(s.getStarted())).add("end", time(s.getEnded()))
                .add("bytesFromClient", s.getBytesFromClient())
                .add("bytesToClient", s.getBytesToClient());
        if (s.getExitStatus() == null) {
            b.addNull("exitStatus");
        } else {
            b.add("exitStatus", s.getExitStatus());
        }
        b.add("status", s.getStatus().name());
        nullable(b, "message", s.getMessage());
        return b.build();
    }

    static JsonObject authEvent(AuthEvent e) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", e.getId()).add("time", time(e.getTime()));
        nullable(b, "user", e.getUserName());
        nullable(b, "method", e.getMethod());
        nullable(b, "sourceAddress", e.getSourceAddress());
        b.add("success", e.isSuccess());
        nullable(b, "reason", e.getReason());
        return b.build();
    }

    static JsonObject token(ApiToken t) {
        return tokenFields(t).build();
    }

    static JsonObject issuedToken(IssuedToken issued) {
        return tokenFields(issued.token()).add("token", issued.value()).build();
    }

    private static JsonObjectBuilder tokenFields(ApiToken t) {
        return Json.createObjectBuilder().add("id", t.getId()).add("name", t.getName())
                .add("owner", t.getOwner()).add("created", time(t.getCreated())).add("lastUsed", time(t.getLastUsed()));
    }

    static <T> JsonArray list(List<T> items, Function<T, JsonObject> view) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        items.forEach(i -> b.add(view.apply(i)));
        return b.build();
    }

    static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message == null ? "error" : message).build();
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        values.forEach(b::add);
        return b;
    }

    private static void nullable(JsonObjectBuilder b, String field, String value) {
        if (value == null) {
            b.addNull(field);
        } else {
            b.add(field, value);
        }
    }

    private static JsonValue time(OffsetDateTime t) {
        return t == null ? JsonValue.NULL : Json.createValue(t.toString());
    }
}
