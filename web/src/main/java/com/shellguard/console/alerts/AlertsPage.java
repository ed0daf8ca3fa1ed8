package com.shellguard.console.alerts;

import com.shellguard.audit.AuditQuery;
import com.shellguard.command.audit.AlertKind;
import com.shellguard.command.audit.AlertQuery;
import com.shellguard.command.audit.AlertRecord;
import com.shellguard.command.audit.CommandAuditService;
import com.shellguard.console.PagedView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The alerts, newest first, 50 a page, with the filters of the alerts' listing: kind, user, server, time range (UTC). */
@Named
@ViewScoped
public class AlertsPage extends PagedView<AlertRecord> {

    private static final long serialVersionUID = 1L;

    @Inject
    CommandAuditService audit;

    private AlertKind kind;
    private String user;
    private String server;
    private LocalDateTime from;
    private LocalDateTime to;

    @Override
    protected List<AlertRecord> fetch(int limit, int offset) {
        AuditQuery common = new AuditQuery(user, null, null, from == null ? null : from.atOffset(ZoneOffset.UTC),
                to == null ? null : to.atOffset(ZoneOffset.UTC), limit, offset);
        return audit.alerts(new AlertQuery(common, null, kind, server));
    }

    @Override
    protected String rowsName() {
        return "alerts";
    }

    public AlertKind[] getKinds() {
        return AlertKind.values();
    }

    public AlertKind getKind() {
        return kind;
    }

    public void setKind(AlertKind kind) {
        this.kind = kind;
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

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
