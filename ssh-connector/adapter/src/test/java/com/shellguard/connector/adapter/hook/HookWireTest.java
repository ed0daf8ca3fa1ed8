package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.CommandCompletion;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlag;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookWireTest {

    private static final String US = String.valueOf(HookWire.US);

    private static String message(String... fields) {
        return String.join(US, fields);
    }

    @Test
    void aReportCarriesEveryFieldOfTheCommand() {
        String m = message("R", "42.7", "1795459918967261", "42.6,1,1795459918965322,1795459918967126", "child", "x", "1",
                "/home/u/x.sh", "12", "main", "/home/u", "file", "rm", "/usr/bin/rm", "/usr/bin/rm", "rm unlink", "42.3",
                "", "rm -f \\\\tmp\\nnext\\u");
        CommandFacts f = HookWire.facts(HookWire.fields(m), "bash").orElseThrow();
        assertEquals("42.7", f.commandId());
        assertEquals(1795459918967261L, f.startMicros());
        assertEquals(ShellRole.CHILD, f.role());
        assertEquals(CommandFlags.of(CommandFlag.COMMAND_STRING), f.flags());
        assertEquals(1, f.subshell());
        assertEquals("/home/u/x.sh", f.source());
        assertEquals(12, f.line());
        assertEquals(Resolution.FILE, f.resolution());
        assertEquals("/usr/bin/rm", f.canonical());
        assertEquals(List.of("rm", "unlink"), f.sameAs());
        assertEquals("rm -f \\tmp\nnext" + US, f.text());
        assertEquals(List.of(), f.words());
        assertEquals("", f.caller(), "a shell hook names no other process");
    }

    @Test
    void theExecGuardSendsTheProcessThatAskedAndItsParent() {
        String m = message("Q", "311.g1", "1795459918967261", "", "guard", "", "0", "", "", "execve", "/tmp/w", "file",
                "x/zap", "/tmp/w/x/zap", "/tmp/w/x/zap", "rm", "", "", "x/zap 'my file'", "", "311 /usr/bin/python3.11",
                "300 /usr/bin/bash");
        CommandFacts f = HookWire.facts(HookWire.fields(m), "guard").orElseThrow();
        assertEquals("guard", f.shell());
        assertEquals("execve", f.function());
        assertEquals(List.of("rm"), f.sameAs());
        assertEquals("311 /usr/bin/python3.11", f.caller());
        assertEquals("300 /usr/bin/bash", f.parent());
        assertEquals(0, f.line());
    }

    @Test
    void zshSendsFurtherCommandWordsInAnExtraField() {
        String m = message("Q", "9.1", "1.5", "", "interactive", "", "0", "", "0", "", "/", "file", "ls", "/bin/ls", "/bin/ls",
                "", "9.4", "", "ls | rm x", "rm=/bin/rm" + HookWire.RS + "wc=/bin/wc");
        CommandFacts f = HookWire.facts(HookWire.fields(m), "zsh").orElseThrow();
        assertEquals(List.of("rm=/bin/rm", "wc=/bin/wc"), f.words());
        assertEquals(1_500_000L, f.startMicros());
    }

    @Test
    void aTruncatedOrNonNumericMessageIsRejectedNotGuessed() {
        assertTrue(HookWire.facts(HookWire.fields(message("R", "1.1", "5")), "bash").isEmpty());
        assertTrue(HookWire.facts(HookWire.fields(message("R", "1.1", "soon", "", "child", "", "0", "", "0", "", "", "file", "", "",
                "", "", "", "", "x")), "bash").isEmpty());
    }

    @Test
    void aRoleResolutionOrFlagTheProtocolDoesNotHaveIsRejected() {
        String[] fields = {"R", "1.1", "5", "", "child", "x", "0", "", "0", "", "/", "file", "ls", "", "", "", "", "", "ls"};
        assertTrue(HookWire.facts(List.of(fields), "bash").isPresent());
        for (int[] bad : new int[][] {{4, 'r'}, {5, 'q'}, {11, 'z'}}) {
            String[] forged = fields.clone();
            forged[bad[0]] = forged[bad[0]] + (char) bad[1];
            assertTrue(HookWire.facts(List.of(forged), "bash").isEmpty(), "forged field " + bad[0] + ": " + forged[bad[0]]);
        }
    }

    @Test
    void theDoneFieldBecomesACompletion() {
        CommandCompletion c = HookWire.completion("s", "42.6,127,100,250").orElseThrow();
        assertEquals("42.6", c.commandId());
        assertEquals(127, c.exitStatus());
        assertEquals(150, c.endMicros() - c.startMicros());
        assertTrue(HookWire.completion("s", "").isEmpty());
        assertTrue(HookWire.completion("s", "1,2,3").isEmpty());
    }

    @Test
    void typedLinesLoseTheirHistoryNumbersAndKeepTheirContinuations() {
        assertEquals(List.of(new HookWire.HistoryEntry(17, "ls -l | wc")), HookWire.typedLines("   17  ls -l | wc\n", 17));
        assertEquals(List.of(new HookWire.HistoryEntry(3, "edited")), HookWire.typedLines("    3* edited\n", 3));
        assertEquals(List.of(new HookWire.HistoryEntry(4, "f() { :; }"), new HookWire.HistoryEntry(5, "for i in 1; do\n  echo $i\ndone")),
                HookWire.typedLines("    4  f() { :; }\n    5  for i in 1; do\n  echo $i\ndone\n", 5));
    }

    /**
     * A watched user typed {@code rm -rf /srv; echo "first}, newline, {@code   999  hidden"; id}: the audit stored the
     * line as {@code hidden"; id}, the line a continuation that looks like a history entry made up.
     */
    @Test
    void aContinuationLineThatLooksLikeAHistoryEntryStaysInItsLine() {
        String typed = "rm -rf /srv; echo \"first\n  999  hidden\"; id";
        assertEquals(List.of(new HookWire.HistoryEntry(12, typed)), HookWire.typedLines("   12  " + typed + "\n", 12));
        assertEquals(List.of(new HookWire.HistoryEntry(11, "ls"), new HookWire.HistoryEntry(12, typed)),
                HookWire.typedLines("   11  ls\n   12  " + typed + "\n", 12), "999 is not the entry after 12");
        assertEquals(List.of(new HookWire.HistoryEntry(12, "echo \"a\n   12  b\"")),
                HookWire.typedLines("   12  echo \"a\n   12  b\"\n", 12), "nor is a second 12");
    }

    @Test
    void verdictsAndPolicyLinesAreWhatTheHookReads() {
        assertEquals("V" + US + "3.4" + US + "B" + US + "no-rm\n",
                HookWire.verdictLine("3.4", new CommandVerdict(CommandVerdict.Action.BLOCK, "no-rm", false, null, 7)));
        assertEquals("V" + US + "3.4" + US + "A" + US + "\n", HookWire.verdictLine("3.4", CommandVerdict.allowed(7)));
        assertEquals("P" + US + "7" + US + "allowlist" + US + "1" + US + "rm shutdown" + US + "/usr/*" + HookWire.RS + "/opt/x\n",
                HookWire.policyLine(new CommandPolicySnapshot(7, true, true, List.of("rm", "shutdown"), List.of("/usr/*", "/opt/x"))));
    }

    @Test
    void aRuleNameCannotBreakTheReplyApart() {
        String line = HookWire.verdictLine("1.1", new CommandVerdict(CommandVerdict.Action.BLOCK, "a\nb" + US + "c", false, null, 1));
        assertEquals(4, HookWire.fields(line.trim()).size());
        assertTrue(line.indexOf('\n') == line.length() - 1);
    }

    /** With the session's key a forger reported commands as started in 1970 or in the year 294,000. */
    @Test
    void aStartTimeFarFromTheReportsArrivalIsReplacedByTheArrival() {
        long now = 1_796_000_000_000_000L;
        String m = message("R", "42.7", "1", "", "interactive", "", "0", "", "", "", "/home/u", "file", "rm", "/usr/bin/rm",
                "/usr/bin/rm", "", "42.3", "", "rm -rf /srv");
        CommandFacts forged = HookWire.facts(HookWire.fields(m), "bash").orElseThrow();
        assertEquals(now, HookWire.believableStart(forged, now, 0).startMicros());
        CommandFacts future = HookWire.facts(HookWire.fields(m.replace(US + "1" + US, US + "9223372036854775807" + US)), "bash").orElseThrow();
        assertEquals(Long.MAX_VALUE, future.startMicros());
        assertEquals(now, HookWire.believableStart(future, now, 0).startMicros());
        CommandFacts honest = HookWire.facts(HookWire.fields(m.replace(US + "1" + US, US + (now - 2_000_000) + US)), "bash").orElseThrow();
        assertEquals(now - 2_000_000, HookWire.believableStart(honest, now, 0).startMicros(), "a report 2 s late keeps its time");
    }

    /**
     * Within the ten minutes a report may lag, a forger with the session's key dated a command five minutes before the
     * session itself was set up, where no command of it can have run.
     */
    @Test
    void aStartTimeBeforeTheSessionWasSetUpIsReplacedByTheArrival() {
        long now = 1_796_000_000_000_000L;
        long session = now - 60_000_000;
        String m = message("R", "42.7", String.valueOf(session - 300_000_000), "", "interactive", "", "0", "", "", "", "/home/u",
                "file", "rm", "/usr/bin/rm", "/usr/bin/rm", "", "42.3", "", "rm -rf /srv");
        CommandFacts forged = HookWire.facts(HookWire.fields(m), "bash").orElseThrow();
        assertEquals(now, HookWire.believableStart(forged, now, session).startMicros());
        CommandFacts honest = HookWire.facts(HookWire.fields(m.replace(US + (session - 300_000_000) + US, US + (session + 5) + US)),
                "bash").orElseThrow();
        assertEquals(session + 5, HookWire.believableStart(honest, now, session).startMicros(), "a command of the session keeps its time");
    }
}
