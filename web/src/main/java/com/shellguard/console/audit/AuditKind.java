package com.shellguard.console.audit;

import com.shellguard.adminaudit.AdminChange;
import com.shellguard.audit.AuthEvent;
import com.shellguard.audit.SessionRecord;
import com.shellguard.command.audit.CommandRecord;
import com.shellguard.transfer.FileTransferRecord;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** What the audit page searches, each with its columns and the session a row belongs to (for its detail page). */
public enum AuditKind {

    SESSIONS("Sessions", List.of(
            column("Started", SessionRecord.class, s -> time(s.getStarted())),
            column("Ended", SessionRecord.class, s -> time(s.getEnded())),
            column("User", SessionRecord.class, SessionRecord::getUserName),
            column("Server", SessionRecord.class, SessionRecord::getServerName),
            column("Login", SessionRecord.class, SessionRecord::getLogin),
            column("From", SessionRecord.class, SessionRecord::getClientAddress),
            column("Kind", SessionRecord.class, SessionRecord::getKind),
            column("Command", SessionRecord.class, SessionRecord::getCommand),
            column("Status", SessionRecord.class, s -> Objects.toString(s.getStatus(), null)),
            column("Exit", SessionRecord.class, s -> Objects.toString(s.getExitStatus(), null)),
            column("Message", SessionRecord.class, SessionRecord::getMessage),
            column("Session", SessionRecord.class, SessionRecord::getId))),

    COMMANDS("Commands", List.of(
            column("Time", CommandRecord.class, c -> time(c.getTime())),
            column("User", CommandRecord.class, CommandRecord::getUserName),
            column("Server", CommandRecord.class, CommandRecord::getServerName),
            column("Login", CommandRecord.class, CommandRecord::getLogin),
            column("Verdict", CommandRecord.class, c -> Objects.toString(c.getVerdict(), null)),
            column("Rule", CommandRecord.class, CommandRecord::getRule),
            column("Line", CommandRecord.class, c -> c.getTypedLine() != null ? c.getTypedLine() : c.getText()),
            column("Command", CommandRecord.class, CommandRecord::getText),
            column("Reason", CommandRecord.class, CommandRecord::getReason),
            column("Exit", CommandRecord.class, c -> Objects.toString(c.getExitStatus(), null)),
            column("Session", CommandRecord.class, CommandRecord::getSessionId))),

    TRANSFERS("File transfers", List.of(
            column("Time", FileTransferRecord.class, t -> time(t.getTime())),
            column("User", FileTransferRecord.class, FileTransferRecord::getUserName),
            column("Server", FileTransferRecord.class, FileTransferRecord::getServerName),
            column("Login", FileTransferRecord.class, FileTransferRecord::getLogin),
            column("Action", FileTransferRecord.class, FileTransferRecord::getAction),
            column("Path", FileTransferRecord.class, FileTransferRecord::getPath),
            column("To", FileTransferRecord.class, FileTransferRecord::getOtherPath),
            column("Bytes", FileTransferRecord.class, t -> Long.toString(t.getBytes())),
            column("Result", FileTransferRecord.class, FileTransferRecord::getResult),
            column("Detail", FileTransferRecord.class, FileTransferRecord::getDetail),
            column("Session", FileTransferRecord.class, FileTransferRecord::getSessionId))),

    AUTHENTICATION("Authentication", List.of(
            column("Time", AuthEvent.class, e -> time(e.getTime())),
            column("User", AuthEvent.class, AuthEvent::getUserName),
            column("Method", AuthEvent.class, AuthEvent::getMethod),
            column("From", AuthEvent.class, AuthEvent::getSourceAddress),
            column("Success", AuthEvent.class, e -> e.isSuccess() ? "yes" : "no"),
            column("Reason", AuthEvent.class, AuthEvent::getReason))),

    ADMIN_CHANGES("Admin changes", List.of(
            column("Time", AdminChange.class, c -> time(c.getTime())),
            column("User", AdminChange.class, AdminChange::getUserName),
            column("Token", AdminChange.class, AdminChange::getTokenName),
            column("From", AdminChange.class, AdminChange::getSourceAddress),
            column("Via", AdminChange.class, c -> Objects.toString(c.getChannel(), null)),
            column("Kind", AdminChange.class, AdminChange::getKind),
            column("Resource", AdminChange.class, AdminChange::getResource),
            column("Action", AdminChange.class, AdminChange::getAction),
            column("Changed", AdminChange.class, AdminChange::getChanged),
            column("Before", AdminChange.class, AdminChange::getBefore),
            column("After", AdminChange.class, AdminChange::getAfter)));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'");

    private final String title;
    private final List<AuditColumn> columns;

    AuditKind(String title, List<AuditColumn> columns) {
        this.title = title;
        this.columns = columns;
    }

    public String getTitle() {
        return title;
    }

    public List<AuditColumn> getColumns() {
        return columns;
    }

    /** Whether each row belongs to a session, which it links to. */
    public boolean isOfSessions() {
        return this != AUTHENTICATION && this != ADMIN_CHANGES;
    }

    /** The session a row is part of, for a link to its detail page; null for authentication events and admin changes. */
    public String sessionOf(Object row) {
        return row instanceof SessionRecord s ? s.getId() : row instanceof CommandRecord c ? c.getSessionId()
                : row instanceof FileTransferRecord t ? t.getSessionId() : null;
    }

    private static <T> AuditColumn column(String header, Class<T> type, Function<T, String> value) {
        return new AuditColumn(header, row -> value.apply(type.cast(row)));
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : TIME.format(t);
    }
}
