package com.shellguard.command.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The audit tables in memory, counting the lookups a batch costs. */
public final class InMemoryCommandAuditRepository implements CommandAuditRepository {
    public final List<CommandRecord> commands = new ArrayList<>();
    public final List<TypedLineRecord> lines = new ArrayList<>();
    public final List<AlertRecord> alerts = new ArrayList<>();
    public int lookups;

    @Override
    public void add(CommandRecord command) {
        commands.add(command);
    }

    @Override
    public void add(TypedLineRecord line) {
        lines.add(line);
    }

    @Override
    public void add(AlertRecord alert) {
        alerts.add(alert);
    }

    @Override
    public List<CommandRecord> commands(Collection<String> sessionIds, Collection<String> commandIds) {
        lookups++;
        return commands.stream().filter(c -> sessionIds.contains(c.getSessionId()) && commandIds.contains(c.getCommandId())).toList();
    }

    @Override
    public List<TypedLineRecord> lines(Collection<String> sessionIds, Collection<String> lineIds) {
        lookups++;
        return lines.stream().filter(l -> sessionIds.contains(l.getSessionId()) && lineIds.contains(l.getLineId())).toList();
    }

    @Override
    public int attachLine(String sessionId, String lineId, String text) {
        List<CommandRecord> waiting = commands.stream().filter(c -> c.getSessionId().equals(sessionId)
                && lineId.equals(c.getLineId()) && c.getTypedLine() == null).toList();
        waiting.forEach(c -> c.attachLine(text));
        return waiting.size();
    }

    @Override
    public boolean hasAlert(String sessionId, AlertKind kind) {
        return alerts.stream().anyMatch(a -> a.getSessionId().equals(sessionId) && a.getKind() == kind);
    }

    @Override
    public List<CommandRecord> commands(CommandQuery query) {
        return commands;
    }

    @Override
    public List<AlertRecord> alerts(AlertQuery query) {
        return alerts;
    }

    @Override
    public long countAlertsSince(OffsetDateTime since) {
        return alerts.stream().filter(a -> !a.getTime().isBefore(since)).count();
    }
}
