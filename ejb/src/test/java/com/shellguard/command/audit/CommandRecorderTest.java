package com.shellguard.command.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.audit.InMemoryAuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.command.model.Command;
import com.shellguard.command.model.CommandOrigin;
import com.shellguard.command.model.CommandWord;
import com.shellguard.command.model.Resolution;
import com.shellguard.command.model.RunningShell;
import com.shellguard.command.model.ShellRole;
import com.shellguard.command.policy.SessionScope;
import com.shellguard.command.policy.SessionScopes;
import com.shellguard.command.rule.BuiltInRules;
import com.shellguard.common.Clock;
import com.shellguard.connector.api.CommandCompletion;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.CommandVerdict.Action;
import com.shellguard.connector.api.HookStatus;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.TypedLine;
import com.shellguard.export.AuditEvent;
import com.shellguard.export.AuditEventKind;
import com.shellguard.export.AuditEventPublisher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandRecorderTest {

    private final InMemoryCommandAuditRepository records = new InMemoryCommandAuditRepository();
    private final InMemoryAuditRepository sessions = new InMemoryAuditRepository();
    private final CommandRecorder recorder = new CommandRecorder();
    private final List<AuditEvent> exported = new ArrayList<>();

    CommandRecorderTest() {
        recorder.records = records;
        recorder.audit = sessions;
        recorder.scopes = new SessionScopes();
        recorder.export = new AuditEventPublisher() {
            @Override
            public void publishAll(Collection<AuditEvent> events) {
                exported.addAll(events);
            }
        };
        recorder.scopes.opened("s1", new SessionScope("alice", Set.of("ops"), "web01", Set.of("prod"), "root"));
        sessions.add(new SessionRecord("s1", "alice", "web01", "root", "10.0.0.9", "SHELL", null, "node", Clock.now()));
    }

    private static JudgedCommand command(String id, String lineId, String text, CommandVerdict verdict) {
        String program = text.split(" ")[0];
        Command command = new Command(id, 1_700_000_000_000_000L, text,
                new CommandWord(program, Resolution.FILE, "/usr/bin/" + program, "/usr/bin/" + program, List.of()),
                new RunningShell("bash", ShellRole.INTERACTIVE, Set.of(), 0, "", 0, "", "/root"), lineId, "", List.of(), "", "");
        return new JudgedCommand("s1", command, verdict);
    }

    private static TypedLine line(String lineId, String text) {
        return new TypedLine("s1", lineId, text, 1_700_000_000_000_000L);
    }

    @Test
    void aCommandIsRecordedWithItsSessionsUserServerAndLogin() {
        recorder.record(List.of(command("7.1", "7.3", "ls -l", null)), List.of(), List.of(), List.of());
        CommandRecord ls = records.commands.get(0);
        assertEquals("alice", ls.getUserName());
        assertEquals("web01", ls.getServerName());
        assertEquals("root", ls.getLogin());
        assertEquals(Verdict.ALLOWED, ls.getVerdict());
        assertEquals(CommandOrigin.PROMPT, ls.getOrigin());
        assertEquals("ls", ls.getProgram());
    }

    @Test
    void eachCommandOfABatchIsExportedInOrderWithTheCompletionsOfTheSameBatch() {
        recorder.record(List.of(command("9.1", "9.9", "ls -l", null), command("9.2", "9.9", "pwd", null)),
                List.of(new CommandCompletion("s1", "9.1", 2, 1_000, 5_000)), List.of(line("9.9", "ls -l; pwd")), List.of());
        assertEquals(List.of("ls -l", "pwd"), exported.stream().map(e -> e.fields().get("command")).toList());
        AuditEvent ls = exported.get(0);
        assertEquals(AuditEventKind.COMMAND, ls.kind());
        assertEquals(records.commands.get(0).getId(), ls.id());
        assertEquals(2, ls.fields().get("exitStatus"));
        assertEquals("ls -l; pwd", ls.fields().get("line"));
        assertEquals("alice", ls.fields().get("user"));
    }

    @Test
    void theTypedLineIsAttachedWhetherItCameBeforeWithOrAfterItsCommands() {
        recorder.record(List.of(), List.of(), List.of(line("7.3", "ll /etc")), List.of());
        recorder.record(List.of(command("7.1", "7.3", "ls -l /etc", null)), List.of(), List.of(line("7.4", "pwd")), List.of());
        recorder.record(List.of(command("7.2", "7.4", "pwd", null), command("7.5", "7.6", "date", null)), List.of(), List.of(), List.of());
        recorder.record(List.of(), List.of(), List.of(line("7.6", "date")), List.of());
        assertEquals(List.of("ll /etc", "pwd", "date"), records.commands.stream().map(CommandRecord::getTypedLine).toList());
        assertEquals(3, records.lines.size());
    }

    @Test
    void aBatchLooksUpEarlierLinesAndCommandsOnceEachWhateverItsSize() {
        recorder.record(List.of(), List.of(), List.of(line("7.3", "make")), List.of());
        List<JudgedCommand> many = new ArrayList<>();
        List<CommandCompletion> done = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(command("8." + i, "7.3", "cc -c f" + i + ".c", null));
            done.add(new CommandCompletion("s1", "8." + i, 0, 1_000, 2_000));
        }
        records.lookups = 0;
        recorder.record(many, done, List.of(), List.of());
        assertEquals(1, records.lookups);
        assertTrue(records.commands.stream().allMatch(c -> "make".equals(c.getTypedLine()) && c.getExitStatus() == 0));
    }

    @Test
    void aCompletionInALaterBatchCompletesTheStoredCommand() {
        recorder.record(List.of(command("7.1", "7.3", "sleep 2", null)), List.of(), List.of(), List.of());
        assertNull(records.commands.get(0).getExitStatus());
        recorder.record(List.of(), List.of(new CommandCompletion("s1", "7.1", 3, 5_000_000, 7_004_000)), List.of(), List.of());
        assertEquals(3, records.commands.get(0).getExitStatus());
        assertEquals(2004L, records.commands.get(0).getDurationMs());
    }

    @Test
    void anAlertVerdictAndATamperBlockEachLeaveAnAlert() {
        recorder.record(List.of(
                command("7.1", "7.3", "curl http://x", new CommandVerdict(Action.ALLOW, "watch-curl", true, "alert by rule watch-curl", 1)),
                command("7.2", "7.4", "unset -f __sg_debug", new CommandVerdict(Action.BLOCK, BuiltInRules.TAMPER_PROTECTION, true, "unsets the hook", 1)),
                command("7.5", "7.6", "rm x", new CommandVerdict(Action.BLOCK, "no-rm", false, "blocked by rule no-rm", 1))),
                List.of(), List.of(), List.of());
        assertEquals(List.of(Verdict.ALERTED, Verdict.BLOCKED, Verdict.BLOCKED), records.commands.stream().map(CommandRecord::getVerdict).toList());
        assertEquals(List.of(AlertKind.POLICY, AlertKind.TAMPER), records.alerts.stream().map(AlertRecord::getKind).toList());
        assertEquals(List.of("7.1", "7.2"), records.alerts.stream().map(AlertRecord::getCommandId).toList());
        assertTrue(records.alerts.get(0).getDetail().contains("curl http://x"), records.alerts.get(0).getDetail());
        assertEquals("alice", records.alerts.get(1).getUserName());
    }

    @Test
    void aHookThatCouldNotBeInstalledIsShownOnTheSessionAndAlertedOnce() {
        recorder.hookStatus(new HookStatus("s1", HookStatus.State.UNAVAILABLE, "bash", "no remote forward"));
        recorder.record(List.of(), List.of(), List.of(),
                List.of(new SessionAlert("s1", SessionAlert.Kind.HOOK_UNAVAILABLE, "no remote forward", 0)));
        SessionRecord session = sessions.session("s1").orElseThrow();
        assertEquals("UNAVAILABLE", session.getHookState());
        assertEquals("no remote forward", session.getHookDetail());
        assertEquals(1, records.alerts.size());
        assertEquals(AlertKind.HOOK_UNAVAILABLE, records.alerts.get(0).getKind());
    }

    @Test
    void anArmedHookIsShownOnTheSessionWithoutAnAlert() {
        recorder.hookStatus(new HookStatus("s1", HookStatus.State.ARMED, "bash/5.2.15(1)-release", null));
        assertEquals("ARMED", sessions.session("s1").orElseThrow().getHookState());
        assertFalse(records.hasAlert("s1", AlertKind.HOOK_UNAVAILABLE));
    }

    @Test
    void theConnectorsAlertsAreKeptWithTheSession() {
        recorder.record(List.of(), List.of(), List.of(),
                List.of(new SessionAlert("s1", SessionAlert.Kind.FORGED_REPORT, "wrong key from 127.0.0.1", 0)));
        assertEquals(AlertKind.FORGED_REPORT, records.alerts.get(0).getKind());
        assertEquals("web01", records.alerts.get(0).getServerName());
    }
}
