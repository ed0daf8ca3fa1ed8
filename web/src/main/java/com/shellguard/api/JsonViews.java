package com.shellguard.api;

import com.shellguard.adminaudit.AdminChange;
import com.shellguard.audit.AuthEvent;
import com.shellguard.audit.SessionRecord;
import com.shellguard.command.CommandTrial;
import com.shellguard.command.audit.AlertRecord;
import com.shellguard.transfer.FileTransferRecord;
import com.shellguard.command.audit.CommandRecord;
import com.shellguard.command.rule.CommandDefault;
import com.shellguard.command.rule.CommandRule;
import com.shellguard.forwarding.ForwardRecord;
import com.shellguard.grant.Grant;
import com.shellguard.grant.GrantRule;
import com.shellguard.server.PinnedHostKey;
import com.shellguard.server.Server;
import com.shellguard.server.ServerAccount;
import com.shellguard.server.ServerCheck;
import com.shellguard.token.ApiToken;
import com.shellguard.common.Clock;
import com.shellguard.token.IssuedToken;
import com.shellguard.token.TokenScope;
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
import java.util.Locale;
import java.util.function.Function;

/** How each resource looks on the wire. Only what is listed here is ever returned; secrets are not listed. */
final class JsonViews {

    private JsonViews() {
    }

    static JsonObject user(GatewayUser u) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("username", u.getUsername())
                .add("role", u.getRole().name())
                .add("enabled", u.isEnabled())
                .add("directory", u.isDirectory())
                .add("federated", u.isFederated())
                .add("hasPassword", u.hasPassword())
                .add("publicKeys", array(u.getPublicKeys()))
                .add("groups", array(u.getGroups()))
                .add("created", time(u.getCreated()));
        if (u.getSsoSubject() != null) {
            b.add("ssoBinding", Json.createObjectBuilder().add("issuer", u.getSsoIssuer()).add("subject", u.getSsoSubject()));
        }
        return b.build();
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
        b.add("hostKeys", array(s.getHostKeys().stream().map(PinnedHostKey::getHostKey).toList()));
        b.add("pinnedHostKeys", list(s.getHostKeys(), k -> {
            JsonObjectBuilder key = Json.createObjectBuilder().add("key", k.getHostKey()).add("type", k.getType());
            nullable(key, "fingerprint", k.getFingerprint());
            return key.add("pinnedAt", time(k.getPinnedAt())).build();
        }));
        return b.add("created", time(s.getCreated())).build();
    }

    static JsonObject serverCheck(ServerCheck c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("status", c.status().name());
        nullable(b, "serverVersion", c.serverVersion());
        nullable(b, "hostKey", c.hostKey());
        nullable(b, "hostKeyFingerprint", c.fingerprint());
        b.add("hostKeys", array(c.hostKeys()));
        return b.add("message", c.message()).build();
    }

    static JsonObject commandTrial(CommandTrial t) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("verdict", t.verdict().name());
        nullable(b, "rule", t.rule());
        nullable(b, "reason", t.reason());
        return b.build();
    }

    static JsonObject account(ServerAccount a) {
        return Json.createObjectBuilder()
                .add("server", a.getServer().getName())
                .add("login", a.getLogin())
                .add("kind", a.getKind().name())
                .add("privileged", a.isPrivileged())
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
        return b.add("logins", array(r.logins())).add("forwarding", array(r.forwarding()))
                .add("forwardTo", array(r.forwardTo())).add("created", time(g.getCreated()))
                .add("expires", time(g.getExpires())).build();
    }

    static JsonObject forward(ForwardRecord f) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", f.getId());
        nullable(b, "session", f.getSessionId());
        nullable(b, "user", f.getUserName());
        nullable(b, "server", f.getServerName());
        nullable(b, "login", f.getLogin());
        b.add("kind", f.getKind());
        nullable(b, "destination", f.getDestination());
        nullable(b, "originator", f.getOriginator());
        nullable(b, "clientAddress", f.getClientAddress());
        nullable(b, "gatewayNode", f.getGatewayNode());
        b.add("start", time(f.getStarted())).add("durationMs", f.getDurationMs())
                .add("bytesToTarget", f.getBytesToTarget()).add("bytesFromTarget", f.getBytesFromTarget())
                .add("result", f.getResult().name());
        nullable(b, "message", f.getMessage());
        return b.build();
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
        nullable(b, "exitStatus", s.getExitStatus());
        b.add("status", s.getStatus().name());
        nullable(b, "message", s.getMessage());
        nullable(b, "privilegedAccount", s.getPrivilegedAccount());
        if (s.getHookState() == null) {
            b.addNull("hook");
        } else {
            JsonObjectBuilder hook = Json.createObjectBuilder().add("state", s.getHookState());
            nullable(hook, "shell", s.getHookShell());
            nullable(hook, "detail", s.getHookDetail());
            nullable(hook, "tier", s.getHookTier());
            if (s.getHookLayers() != null) {
                JsonArrayBuilder layers = Json.createArrayBuilder();
                for (String layer : s.getHookLayers().split(" ")) {
                    layers.add(layer);
                }
                hook.add("layers", layers);
            }
            b.add("hook", hook);
        }
        return b.build();
    }

    /** {@code match} in lower case, as the hook protocol's words are; {@code action} in upper case, as verdicts are. */
    static JsonObject commandRule(CommandRule r) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("name", r.getName())
                .add("match", lower(r.getMatch()))
                .add("pattern", r.getPattern())
                .add("action", r.getAction().name())
                .add("users", array(sorted(r.getUsers())))
                .add("groups", array(sorted(r.getGroups())))
                .add("servers", array(sorted(r.getServers())))
                .add("labels", array(sorted(r.getLabels())))
                .add("logins", array(sorted(r.getLogins())))
                .add("priority", r.getPriority());
        nullable(b, "description", r.getDescription());
        return b.add("created", time(r.getCreated())).add("updated", time(r.getUpdated())).build();
    }

    static JsonObject commandDefault(CommandDefault d) {
        return Json.createObjectBuilder()
                .add("label", d.getLabel())
                .add("mode", lower(d.getMode()))
                .add("supervisor", lower(d.getSupervisor()))
                .add("created", time(d.getCreated()))
                .add("updated", time(d.getUpdated()))
                .build();
    }

    static JsonObject command(CommandRecord c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", c.getId()).add("time", time(c.getTime()));
        nullable(b, "session", c.getSessionId());
        nullable(b, "user", c.getUserName());
        nullable(b, "server", c.getServerName());
        nullable(b, "login", c.getLogin());
        nullable(b, "command", c.getText());
        nullable(b, "line", c.getTypedLine());
        b.add("verdict", c.getVerdict().name());
        nullable(b, "rule", c.getRule());
        b.add("alert", c.isAlert());
        nullable(b, "reason", c.getReason());
        nullable(b, "exitStatus", c.getExitStatus());
        nullable(b, "durationMs", c.getDurationMs());
        nullable(b, "commandId", c.getCommandId());
        nullable(b, "shell", c.getShell());
        nullable(b, "role", c.getRole());
        b.add("origin", c.getOrigin().wire());
        nullable(b, "source", c.getSource());
        b.add("sourceLine", c.getSourceLine());
        nullable(b, "function", c.getFunction());
        b.add("depth", c.getDepth());
        nullable(b, "cwd", c.getCwd());
        nullable(b, "resolution", c.getResolution());
        nullable(b, "program", c.getProgram());
        nullable(b, "path", c.getPath());
        nullable(b, "canonical", c.getCanonical());
        nullable(b, "alias", c.getAlias());
        nullable(b, "lineId", c.getLineId());
        nullable(b, "caller", c.getCaller());
        nullable(b, "parent", c.getParent());
        nullable(b, "uid", c.getUid());
        return b.build();
    }

    static JsonObject alert(AlertRecord a) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", a.getId()).add("time", time(a.getTime()));
        nullable(b, "session", a.getSessionId());
        nullable(b, "user", a.getUserName());
        nullable(b, "server", a.getServerName());
        b.add("kind", a.getKind().name());
        nullable(b, "detail", a.getDetail());
        nullable(b, "commandId", a.getCommandId());
        return b.build();
    }

    static JsonObject transfer(FileTransferRecord t) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", t.getId()).add("time", time(t.getTime()));
        nullable(b, "session", t.getSessionId());
        nullable(b, "user", t.getUserName());
        nullable(b, "server", t.getServerName());
        nullable(b, "login", t.getLogin());
        b.add("action", t.getAction());
        nullable(b, "direction", t.getDirection());
        nullable(b, "path", t.getPath());
        nullable(b, "otherPath", t.getOtherPath());
        b.add("bytes", t.getBytes()).add("result", t.getResult());
        nullable(b, "detail", t.getDetail());
        return b.build();
    }

    static JsonObject adminChange(AdminChange c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", c.getId()).add("time", time(c.getTime()));
        nullable(b, "user", c.getUserName());
        nullable(b, "token", c.getTokenName());
        nullable(b, "sourceAddress", c.getSourceAddress());
        nullable(b, "channel", c.getChannel() == null ? null : c.getChannel().name());
        nullable(b, "kind", c.getKind());
        nullable(b, "resource", c.getResource());
        nullable(b, "action", c.getAction());
        b.add("before", fieldsObject(c.getBefore()));
        b.add("after", fieldsObject(c.getAfter()));
        JsonArrayBuilder changed = Json.createArrayBuilder();
        if (c.getChanged() != null && !c.getChanged().isEmpty()) {
            for (String field : c.getChanged().split(",")) {
                changed.add(field);
            }
        }
        return b.add("changed", changed).build();
    }

    /** A stored JSON object of fields, or JSON null. */
    private static JsonValue fieldsObject(String json) {
        if (json == null) {
            return JsonValue.NULL;
        }
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
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
                .add("owner", t.getOwner()).add("created", time(t.getCreated())).add("lastUsed", time(t.getLastUsed()))
                .add("lastUsedFrom", t.getLastUsedFrom() == null ? JsonValue.NULL : Json.createValue(t.getLastUsedFrom()))
                .add("scopes", Json.createArrayBuilder(t.getScopes().stream().map(TokenScope::wire).toList()))
                .add("expires", time(t.getExpires())).add("expired", t.isExpiredAt(Clock.now()));
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

    private static void nullable(JsonObjectBuilder b, String field, Number value) {
        if (value == null) {
            b.addNull(field);
        } else {
            b.add(field, Json.createValue(value.longValue()));
        }
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static JsonValue time(OffsetDateTime t) {
        return t == null ? JsonValue.NULL : Json.createValue(t.toString());
    }
}
