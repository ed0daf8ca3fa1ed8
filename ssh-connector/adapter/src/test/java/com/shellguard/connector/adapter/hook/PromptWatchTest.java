package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PromptWatchTest {

    @Test
    void bashsContinuationPromptWithBracketedPasteIsAContinuation() {
        assertTrue(PromptWatch.continuationPrompt("\u001b[?2004l\r\r\n\u001b[?2004h> "));
        assertTrue(PromptWatch.continuationPrompt("\r\nheredoc> "));
    }

    @Test
    void outputOrAFreshPromptIsNot() {
        assertFalse(PromptWatch.continuationPrompt("\r\nfile1  file2\r\n<sg-5>"));
        assertFalse(PromptWatch.continuationPrompt("\r\n"));
        assertFalse(PromptWatch.continuationPrompt("\r\nout\r\n> "));
    }
}
