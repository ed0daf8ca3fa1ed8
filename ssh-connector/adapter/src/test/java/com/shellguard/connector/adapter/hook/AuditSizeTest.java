package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.TypedLine;
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
}
