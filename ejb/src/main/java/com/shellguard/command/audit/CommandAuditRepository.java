package com.shellguard.command.audit;

import java.util.Collection;
import java.util.List;

public interface CommandAuditRepository {

    void add(CommandRecord command);

    void add(TypedLineRecord line);

    void add(AlertRecord alert);

    /** Commands already stored of any of these sessions with any of these ids (the caller pairs them up). */
    List<CommandRecord> commands(Collection<String> sessionIds, Collection<String> commandIds);

    /** Typed lines already stored of any of these sessions with any of these ids (the caller pairs them up). */
    List<TypedLineRecord> lines(Collection<String> sessionIds, Collection<String> lineIds);

    /** Gives the stored commands of a line that arrived after them its text; returns how many. */
    int attachLine(String sessionId, String lineId, String text);

    boolean hasAlert(String sessionId, AlertKind kind);

    List<CommandRecord> commands(CommandQuery query);

    List<AlertRecord> alerts(AlertQuery query);

    /** How many alerts were raised at or after {@code since}. */
    long countAlertsSince(java.time.OffsetDateTime since);
}
