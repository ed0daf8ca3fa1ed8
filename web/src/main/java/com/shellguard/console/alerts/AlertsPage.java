package com.shellguard.console.alerts;

import com.shellguard.audit.AuditQuery;
import com.shellguard.command.audit.AlertKind;
import com.shellguard.command.audit.AlertQuery;
import com.shellguard.command.audit.AlertRecord;
import com.shellguard.command.audit.CommandAuditService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The alerts, newest first, 50 a page, with the filters of the alerts' listing: kind, user, server, time range (UTC). */
@Named
@ViewScoped
public class AlertsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE = 50;

    @Inject
    CommandAuditService audit;

    private AlertKind kind;
    private String user;
    private String server;
    private LocalDateTime from;
    private LocalDateTime to;
    private int offset;
    private transient List<AlertRecord> rows;
    private transient boolean more;

    public List<AlertRecord> getRows() {
        if (rows == null) {
            AuditQuery common = new AuditQuery(user, null, null, from == null ? null : from.atOffset(ZoneOffset.UTC),
                    to == null ? null : to.atOffset(ZoneOffset.UTC), PAGE + 1, offset);
            List<AlertRecord> fetched = audit.alerts(new AlertQuery(common, null, kind, server));
            more = fetched.size() > PAGE;
            rows = more ? fetched.subList(0, PAGE) : fetched;
        }
        return rows;
    }

    public void search() {
        offset = 0;
        rows = null;
    }

    public void next() {
        if (hasNext()) {
            offset += PAGE;
            rows = null;
        }
    }

    public void previous() {
        offset = Math.max(0, offset - PAGE);
        rows = null;
    }

    public boolean hasNext() {
        getRows();
        return more;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    /** Rows shown, as "51-100". */
    public String getShown() {
        int n = getRows().size();
        return n == 0 ? "no alerts" : "alerts " + (offset + 1) + "-" + (offset + n);
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
