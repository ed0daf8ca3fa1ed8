package com.shellguard.console.audit;

import com.shellguard.adminaudit.AdminChangeQuery;
import com.shellguard.audit.AuditQuery;
import com.shellguard.command.audit.CommandQuery;
import com.shellguard.command.audit.Verdict;
import com.shellguard.transfer.TransferQuery;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The filters of an audit search, as the page's form and the export's query string both carry them. Times are
 * UTC, like the audit. Filters a kind does not have (server and verdict for sessions, say) are ignored for it.
 */
public class AuditSearch implements Serializable {

    private static final long serialVersionUID = 1L;

    private AuditKind kind = AuditKind.SESSIONS;
    private String user;
    private String server;
    private String session;
    private Verdict verdict;
    private String text;
    private Boolean success;
    private LocalDateTime from;
    private LocalDateTime to;
    private String resourceKind;
    private String resource;

    AuditQuery common(int limit, int offset) {
        return new AuditQuery(user, kind == AuditKind.AUTHENTICATION ? success : null, null,
                from == null ? null : from.atOffset(ZoneOffset.UTC), to == null ? null : to.atOffset(ZoneOffset.UTC), limit, offset);
    }

    CommandQuery commands(int limit, int offset) {
        return new CommandQuery(common(limit, offset), session, server, verdict, text);
    }

    TransferQuery transfers(int limit, int offset) {
        return new TransferQuery(common(limit, offset), server, session);
    }

    AdminChangeQuery admin(int limit, int offset) {
        return new AdminChangeQuery(common(limit, offset), resourceKind, resource, null);
    }

    /** The filters as request parameters (for the export link); unset ones left out. */
    public String queryString() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kind", kind.name());
        put(p, "user", user);
        put(p, "server", server);
        put(p, "session", session);
        put(p, "verdict", verdict);
        put(p, "q", text);
        put(p, "success", success);
        put(p, "from", from);
        put(p, "to", to);
        put(p, "resourceKind", resourceKind);
        put(p, "resource", resource);
        return p.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Reads what {@link #queryString()} wrote. @throws IllegalArgumentException on a malformed value */
    static AuditSearch of(Function<String, String> parameter) {
        AuditSearch s = new AuditSearch();
        String kind = parameter.apply("kind");
        s.kind = kind == null || kind.isBlank() ? AuditKind.SESSIONS : AuditKind.valueOf(kind);
        s.user = parameter.apply("user");
        s.server = parameter.apply("server");
        s.session = parameter.apply("session");
        String verdict = parameter.apply("verdict");
        s.verdict = verdict == null || verdict.isBlank() ? null : Verdict.valueOf(verdict);
        s.text = parameter.apply("q");
        String success = parameter.apply("success");
        s.success = success == null || success.isBlank() ? null : Boolean.valueOf(success);
        s.from = time(parameter.apply("from"));
        s.to = time(parameter.apply("to"));
        s.resourceKind = parameter.apply("resourceKind");
        s.resource = parameter.apply("resource");
        return s;
    }

    private static LocalDateTime time(String value) {
        return value == null || value.isBlank() ? null : LocalDateTime.parse(value);
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            p.put(name, value.toString());
        }
    }

    public AuditKind getKind() {
        return kind;
    }

    public void setKind(AuditKind kind) {
        this.kind = kind == null ? AuditKind.SESSIONS : kind;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public void setVerdict(Verdict verdict) {
        this.verdict = verdict;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Boolean getSuccess() {
        return success;
    }

    public void setSuccess(Boolean success) {
        this.success = success;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public String getResourceKind() {
        return resourceKind;
    }

    public void setResourceKind(String resourceKind) {
        this.resourceKind = resourceKind;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
