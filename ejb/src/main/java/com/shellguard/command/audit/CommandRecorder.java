package com.shellguard.command.audit;

import com.shellguard.audit.AuditRepository;
import com.shellguard.command.analysis.CommandAnalyzer;
import com.shellguard.command.policy.SessionScope;
import com.shellguard.command.policy.SessionScopes;
import com.shellguard.command.rule.BuiltInRules;
import com.shellguard.common.Clock;
import com.shellguard.connector.api.CommandCompletion;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.HookStatus;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.TypedLine;
import com.shellguard.export.AuditEventPublisher;
import com.shellguard.export.AuditEvents;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Writes what the connector collected into the audit, one batch in one transaction. A batch costs a fixed
 * number of queries whatever its size: the sessions' scopes come from memory, lines and commands of earlier
 * batches are looked up in one query each, and the rows go out in JDBC batches on commit.
 */
@Stateless
public class CommandRecorder {

    private static final Logger LOG = Logger.getLogger(CommandRecorder.class.getName());
    private static final SessionScope UNKNOWN = new SessionScope(null, Set.of(), null, Set.of(), null);

    @Inject
    CommandAuditRepository records;

    @Inject
    AuditRepository audit;

    @Inject
    SessionScopes scopes;

    @Inject
    AuditEventPublisher export;

    /** A command or line of a session: their ids are unique only within it. */
    private record Key(String sessionId, String id) {
    }

    /** One audit batch from the connector: its commands (already in the application's terms) and the rest. */
    public void record(List<JudgedCommand> judged, List<CommandCompletion> completions, List<TypedLine> typed,
                       List<SessionAlert> alerts) {
        Map<String, SessionScope> sessions = new HashMap<>();
        Map<Key, String> lines = recordLines(typed, sessions);
        Map<Key, CommandRecord> commands = recordCommands(judged, lines, sessions);
        recordCompletions(completions, commands);
        export.publishAll(commands.values().stream().map(AuditEvents::command).toList());
        for (SessionAlert alert : alerts) {
            AlertKind kind = AlertKind.of(alert.kind());
            if (kind != AlertKind.HOOK_UNAVAILABLE || !records.hasAlert(alert.sessionId(), kind)) {
                alert(scope(alert.sessionId(), sessions), alert.sessionId(), kind, alert.detail(), null, Clock.ofMicros(alert.timeMicros()));
            }
        }
    }

    /** Stored on the session's audit row; a hook that could not be installed is also an alert (once per session). */
    public void hookStatus(HookStatus status) {
        audit.session(status.sessionId()).ifPresent(s -> {
            s.reportHook(status.state().name(), status.shell(), status.detail());
            s.reportHookLayers(status.tier(), status.layers());
            if (status.state() == HookStatus.State.UNAVAILABLE && !records.hasAlert(s.getId(), AlertKind.HOOK_UNAVAILABLE)) {
                records.add(new AlertRecord(Clock.now(), s.getId(), s.getUserName(), s.getServerName(),
                        AlertKind.HOOK_UNAVAILABLE, status.detail(), null));
            }
        });
    }

    /** Stores the lines and gives commands stored before their line arrived its text; returns the texts by line. */
    private Map<Key, String> recordLines(List<TypedLine> lines, Map<String, SessionScope> sessions) {
        Map<Key, String> texts = new HashMap<>();
        for (TypedLine line : lines) {
            TypedLineRecord stored = new TypedLineRecord(line.sessionId(), line.lineId(), line.text(), Clock.ofMicros(line.timeMicros()));
            records.add(stored);
            texts.put(new Key(line.sessionId(), stored.getLineId()), stored.getText());
            records.attachLine(line.sessionId(), stored.getLineId(), stored.getText());
            CommandAnalyzer.tamperInTypedLine(line.text()).ifPresent(tamper -> alert(scope(line.sessionId(), sessions),
                    line.sessionId(), AlertKind.TAMPER, "typed line: " + tamper, null, stored.getTime()));
        }
        return texts;
    }

    private Map<Key, CommandRecord> recordCommands(List<JudgedCommand> judged, Map<Key, String> lines,
                                                   Map<String, SessionScope> sessions) {
        addStoredLines(judged, lines);
        Map<Key, CommandRecord> recorded = new LinkedHashMap<>();
        for (JudgedCommand entry : judged) {
            SessionScope scope = scope(entry.sessionId(), sessions);
            CommandRecord command = new CommandRecord(entry.sessionId(), scope.user(), scope.server(), scope.login(),
                    entry.command(), entry.verdict(), lines.get(new Key(entry.sessionId(), entry.command().lineId())));
            records.add(command);
            recorded.put(new Key(entry.sessionId(), command.getCommandId()), command);
            CommandVerdict verdict = entry.verdict();
            if (verdict != null && verdict.alert()) {
                AlertKind kind = BuiltInRules.TAMPER_PROTECTION.equals(verdict.rule()) ? AlertKind.TAMPER : AlertKind.POLICY;
                String why = verdict.reason() != null ? verdict.reason() : "rule " + verdict.rule();
                alert(scope, entry.sessionId(), kind, why + ": " + command.getText(), command.getCommandId(), command.getTime());
            }
        }
        return recorded;
    }

    /** The lines of these commands that came in earlier batches, in one query. */
    private void addStoredLines(List<JudgedCommand> judged, Map<Key, String> lines) {
        Set<Key> missing = new HashSet<>();
        for (JudgedCommand entry : judged) {
            String lineId = entry.command().lineId();
            Key key = new Key(entry.sessionId(), lineId);
            if (entry.sessionId() != null && lineId != null && !lineId.isEmpty() && !lines.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            records.lines(missing.stream().map(Key::sessionId).toList(), missing.stream().map(Key::id).toList()).stream()
                    .filter(l -> missing.contains(new Key(l.getSessionId(), l.getLineId())))
                    .forEach(l -> lines.putIfAbsent(new Key(l.getSessionId(), l.getLineId()), l.getText()));
        }
    }

    /**
     * Completions of commands of this batch apply directly, before anything is queried: a query flushes what is
     * pending, and a completion applied after that flush would cost every command an UPDATE besides its INSERT.
     * Those of earlier batches are looked up in one query.
     */
    private void recordCompletions(List<CommandCompletion> completions, Map<Key, CommandRecord> recorded) {
        Set<Key> earlier = new HashSet<>();
        List<CommandCompletion> ofEarlier = new ArrayList<>();
        for (CommandCompletion completion : completions) {
            Key key = new Key(completion.sessionId(), completion.commandId());
            CommandRecord command = recorded.get(key);
            if (command != null) {
                command.complete(completion.exitStatus(), completion.startMicros(), completion.endMicros());
            } else if (completion.sessionId() != null && completion.commandId() != null) {
                earlier.add(key);
                ofEarlier.add(completion);
            }
        }
        if (earlier.isEmpty()) {
            return;
        }
        Map<Key, CommandRecord> stored = new HashMap<>();
        records.commands(earlier.stream().map(Key::sessionId).toList(), earlier.stream().map(Key::id).toList()).stream()
                .filter(c -> earlier.contains(new Key(c.getSessionId(), c.getCommandId())))
                .forEach(c -> stored.putIfAbsent(new Key(c.getSessionId(), c.getCommandId()), c));
        for (CommandCompletion completion : ofEarlier) {
            CommandRecord command = stored.get(new Key(completion.sessionId(), completion.commandId()));
            if (command == null) {
                LOG.fine(() -> "ShellGuard: completion of unknown command " + completion.commandId() + " in session " + completion.sessionId());
            } else {
                command.complete(completion.exitStatus(), completion.startMicros(), completion.endMicros());
            }
        }
    }

    private void alert(SessionScope scope, String sessionId, AlertKind kind, String detail, String commandId,
                       OffsetDateTime time) {
        records.add(new AlertRecord(time, sessionId, scope.user(), scope.server(), kind, detail, commandId));
    }

    private SessionScope scope(String sessionId, Map<String, SessionScope> sessions) {
        return sessions.computeIfAbsent(sessionId, id -> id == null ? UNKNOWN : scopes.scope(id).orElse(UNKNOWN));
    }
}
