package com.shellguard.export;

import com.shellguard.adminaudit.AdminChange;

import com.shellguard.audit.AuthEvent;
import com.shellguard.audit.SessionRecord;
import com.shellguard.command.audit.AlertRecord;
import com.shellguard.command.audit.CommandRecord;
import com.shellguard.forwarding.ForwardRecord;
import com.shellguard.transfer.FileTransferRecord;
import java.time.Duration;

/**
 * The exported form of each kind of audit row, with the field names of the REST API's audit listings, so a SIEM
 * rule and an API query speak of the same {@code user}, {@code server}, {@code session}.
 */
public final class AuditEvents {

    private AuditEvents() {
    }

    public static AuditEvent auth(AuthEvent e) {
        return AuditEvent.of(AuditEventKind.AUTH, e.getId(), e.getTime())
                .summary((e.isSuccess() ? "login accepted for " : "login refused for ") + e.getUserName() + " (" + e.getMethod() + ")"
                        + (e.getReason() == null ? "" : ": " + e.getReason()))
                .with("user", e.getUserName()).with("method", e.getMethod()).with("sourceAddress", e.getSourceAddress())
                .with("success", e.isSuccess()).with("reason", e.getReason());
    }

    /** A session's start, as planned: {@code status} OPEN, or REFUSED with the refusal in {@code message}. */
    public static AuditEvent sessionStart(SessionRecord s) {
        return session(AuditEvent.of(AuditEventKind.SESSION_START, s.getId() + "/start", s.getStarted()), s)
                .summary((s.getStatus() == com.shellguard.audit.SessionStatus.REFUSED ? "session refused: " : "session started: ")
                        + who(s) + (s.getMessage() == null ? "" : ": " + s.getMessage()));
    }

    public static AuditEvent sessionEnd(SessionRecord s) {
        AuditEvent e = session(AuditEvent.of(AuditEventKind.SESSION_END, s.getId() + "/end",
                s.getEnded() != null ? s.getEnded() : s.getStarted()), s)
                .summary("session ended (" + s.getStatus() + "): " + who(s) + (s.getMessage() == null ? "" : ": " + s.getMessage()))
                .with("end", s.getEnded()).with("bytesFromClient", s.getBytesFromClient())
                .with("bytesToClient", s.getBytesToClient()).with("exitStatus", s.getExitStatus());
        if (s.getEnded() != null && s.getStarted() != null) {
            e.with("durationMs", Duration.between(s.getStarted(), s.getEnded()).toMillis());
        }
        return e;
    }

    private static AuditEvent session(AuditEvent e, SessionRecord s) {
        return e.with("session", s.getId()).with("user", s.getUserName()).with("server", s.getServerName())
                .with("login", s.getLogin()).with("privilegedAccount", s.getPrivilegedAccount())
                .with("clientAddress", s.getClientAddress()).with("kind", s.getKind()).with("command", s.getCommand())
                .with("gatewayNode", s.getGatewayNode()).with("start", s.getStarted()).with("status", s.getStatus())
                .with("message", s.getMessage());
    }

    private static String who(SessionRecord s) {
        return s.getUserName() + "@" + s.getLogin() + "@" + s.getServerName() + (s.getKind() == null ? "" : " " + s.getKind());
    }

    public static AuditEvent command(CommandRecord c) {
        return AuditEvent.of(AuditEventKind.COMMAND, c.getId(), c.getTime())
                .summary(c.getVerdict() + " " + c.getText() + " (" + c.getUserName() + "@" + c.getLogin() + "@" + c.getServerName() + ")")
                .with("session", c.getSessionId()).with("user", c.getUserName()).with("server", c.getServerName())
                .with("login", c.getLogin()).with("command", c.getText()).with("line", c.getTypedLine())
                .with("verdict", c.getVerdict()).with("rule", c.getRule()).with("alert", c.isAlert()).with("reason", c.getReason())
                .with("origin", c.getOrigin() == null ? null : c.getOrigin().wire()).with("shell", c.getShell())
                .with("role", c.getRole()).with("cwd", c.getCwd()).with("program", c.getProgram()).with("path", c.getPath())
                .with("commandId", c.getCommandId()).with("exitStatus", c.getExitStatus()).with("durationMs", c.getDurationMs());
    }

    /** A change made through the API or the console: who, from where, what, and its fields before and after (no secrets). */
    public static AuditEvent admin(AdminChange c) {
        return AuditEvent.of(AuditEventKind.ADMIN, c.getId(), c.getTime())
                .summary(c.getUserName() + " " + c.getAction() + " " + c.getKind() + " " + c.getResource() + " (" + c.getChannel() + ")")
                .with("user", c.getUserName()).with("token", c.getTokenName()).with("sourceAddress", c.getSourceAddress())
                .with("channel", c.getChannel() == null ? null : c.getChannel().name()).with("kind", c.getKind())
                .with("resource", c.getResource()).with("action", c.getAction()).with("before", c.getBefore())
                .with("after", c.getAfter()).with("changed", c.getChanged());
    }

    public static AuditEvent alert(AlertRecord a) {
        return AuditEvent.of(AuditEventKind.ALERT, a.getId(), a.getTime())
                .summary(a.getKind() + ": " + a.getDetail())
                .with("session", a.getSessionId()).with("user", a.getUserName()).with("server", a.getServerName())
                .with("kind", a.getKind()).with("detail", a.getDetail()).with("commandId", a.getCommandId());
    }

    public static AuditEvent transfer(FileTransferRecord t) {
        return AuditEvent.of(AuditEventKind.TRANSFER, t.getId(), t.getTime())
                .summary(t.getAction() + " " + t.getPath() + " " + t.getResult() + " (" + t.getUserName() + "@" + t.getLogin()
                        + "@" + t.getServerName() + ")")
                .with("session", t.getSessionId()).with("user", t.getUserName()).with("server", t.getServerName())
                .with("login", t.getLogin()).with("action", t.getAction()).with("direction", t.getDirection())
                .with("path", t.getPath()).with("otherPath", t.getOtherPath()).with("bytes", t.getBytes())
                .with("result", t.getResult()).with("detail", t.getDetail());
    }

    public static AuditEvent forward(ForwardRecord f) {
        return AuditEvent.of(AuditEventKind.FORWARD, f.getId(), f.getStarted())
                .summary(f.getKind() + " forward to " + f.getDestination() + " " + f.getResult() + " (" + f.getUserName()
                        + "@" + f.getLogin() + "@" + f.getServerName() + ")")
                .with("session", f.getSessionId()).with("user", f.getUserName()).with("server", f.getServerName())
                .with("login", f.getLogin()).with("kind", f.getKind()).with("destination", f.getDestination())
                .with("originator", f.getOriginator()).with("clientAddress", f.getClientAddress())
                .with("gatewayNode", f.getGatewayNode()).with("start", f.getStarted()).with("durationMs", f.getDurationMs())
                .with("bytesToTarget", f.getBytesToTarget()).with("bytesFromTarget", f.getBytesFromTarget())
                .with("result", f.getResult()).with("message", f.getMessage());
    }
}
