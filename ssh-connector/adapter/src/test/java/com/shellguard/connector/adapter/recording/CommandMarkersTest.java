package com.shellguard.connector.adapter.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import com.shellguard.connector.api.CommandVerdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandMarkersTest {

    private static CommandEvent event(String text, String source, String flags, CommandVerdict verdict) {
        CommandFacts facts = new CommandFacts("100.1", 0, ShellRole.INTERACTIVE, CommandFlags.parse(flags).orElseThrow(), 0, source, 0, "", "/root",
                Resolution.FILE, "x",
                "/usr/bin/x", "/usr/bin/x", null, "100.1", "", text, "bash", null);
        return new CommandEvent("s1", facts, verdict != null, verdict);
    }

    @Test
    void aCommandTypedAtThePromptIsMarkedWithItsVerdict() {
        assertEquals(Optional.of("ls -la [ALLOW]"), CommandMarkers.of(event("ls -la", "", "", CommandVerdict.allowed(1))));
    }

    @Test
    void aBlockedCommandIsMarkedWithItsRuleWhereverItRan() {
        CommandVerdict block = new CommandVerdict(CommandVerdict.Action.BLOCK, "no-rm", true, "forbidden", 1);
        assertEquals(Optional.of("rm -rf /srv [BLOCK no-rm, alert]"),
                CommandMarkers.of(event("rm -rf /srv", "/home/u/cleanup.sh", "", block)));
    }

    @Test
    void commandsInsideScriptsAndThePromptsOwnMachineryAreNotMarked() {
        assertTrue(CommandMarkers.of(event("grep x f", "/home/u/script.sh", "", CommandVerdict.allowed(1))).isEmpty());
        assertTrue(CommandMarkers.of(event("__prompt", "", "p", null)).isEmpty());
        assertTrue(CommandMarkers.of(event("compgen -c", "", "c", null)).isEmpty());
    }

    @Test
    void aVeryLongCommandLineIsShortenedInItsLabel() {
        String label = CommandMarkers.of(event("x".repeat(2000), "", "", null)).orElseThrow();
        assertTrue(label.length() < 520 && label.endsWith("… [ALLOW]"), label);
    }
}
