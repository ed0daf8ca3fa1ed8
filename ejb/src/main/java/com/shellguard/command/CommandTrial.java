package com.shellguard.command;

import com.shellguard.command.audit.Verdict;

/**
 * What the command policy would make of a line: the verdict as the audit would show it, the rule that
 * decided (or alerted; null when no rule matched and the line runs) and the reason in words.
 */
public record CommandTrial(Verdict verdict, String rule, String reason) {
}
