package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import com.shellguard.connector.api.TypedLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSizeTest {

    /**
     * A watched user put 8,200 spaces before the payload of a line ({@code python3 -c '<spaces>import shutil; ...'}):
     * the audit kept the first 8192 characters, all padding, with no sign that anything followed.
     */
    @Test
    void aLineLongerThanTheAuditKeepsEndsWithItsWholeLengthWithinTheColumn() {
        String line = "python3 -c '" + " ".repeat(8200) + "import shutil; shutil.rmtree(\"/srv\")'";
        String kept = AuditSize.clip(new TypedLine("s1", "l1", line, 0)).text();
        assertEquals(AuditSize.TEXT, kept.length(), "it still fits the audit's column");
        assertTrue(kept.endsWith(" [cut by the audit: " + line.length() + " characters in all]"), kept.substring(8000));
        assertEquals("ls -l", AuditSize.clip(new TypedLine("s1", "l2", "ls -l", 0)).text(), "a line that fits is kept as it is");
    }

    /** A start the supervisor sent cut keeps the supervisor's mark in the row, after the audit's own note. */
    @Test
    void aStartSentCutKeepsTheLayersMarkInTheRow() {
        String mark = "[cut by the supervisor: 20001 arguments, 1280010 bytes in all]";
        String text = "/bin/echo " + "pad ".repeat(260_000) + mark;
        CommandFacts facts = new CommandFacts("9.s1", 0, ShellRole.SUPERVISOR, CommandFlags.NONE, 0, "", 0, "execve", "/",
                Resolution.FILE, "/bin/echo", "/usr/bin/echo", "/usr/bin/echo", List.of(), "", "", text, "supervisor", List.of(),
                "", "1 /usr/bin/bash", "1000");
        String kept = AuditSize.clip(new CommandEvent("s1", facts, true, null)).facts().text();
        assertEquals(AuditSize.TEXT, kept.length());
        assertTrue(kept.startsWith("/bin/echo pad pad "));
        assertTrue(kept.endsWith(" [cut by the audit: " + text.length() + " characters in all] " + mark), kept.substring(8000));
    }
}
