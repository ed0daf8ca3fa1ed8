package com.shellguard.connector.adapter.recording;

import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlag;
import com.shellguard.connector.api.CommandVerdict;
import java.util.Optional;

/**
 * Which of the hook's command reports become markers in the recording, and how they read: the command line
 * with its verdict, {@code ls -la [ALLOW]}, {@code rm -rf /srv [BLOCK no-rm]}. Commands typed at the prompt or
 * given to an exec session are marked, and every command that did not simply run, wherever it came from;
 * the commands inside scripts and the prompt's own machinery are not, so a player's list of markers reads
 * like what the person did.
 */
public final class CommandMarkers {

    private static final int MAX_LABEL = 500;

    private CommandMarkers() {
    }

    public static Optional<String> of(CommandEvent event) {
        CommandFacts facts = event.facts();
        CommandVerdict verdict = event.verdict();
        boolean plain = verdict == null || (verdict.runs() && !verdict.alert());
        boolean typed = (facts.source() == null || facts.source().isEmpty())
                && !facts.flags().has(CommandFlag.PROMPT_FUNCTION) && !facts.flags().has(CommandFlag.COMPLETION);
        if (plain && !typed) {
            return Optional.empty();
        }
        return Optional.of(label(facts.text(), verdict));
    }

    static String label(String text, CommandVerdict verdict) {
        String line = text.length() > MAX_LABEL ? text.substring(0, MAX_LABEL) + "…" : text;
        StringBuilder label = new StringBuilder(line).append(" [");
        label.append(verdict == null ? CommandVerdict.Action.ALLOW : verdict.action());
        if (verdict != null && verdict.rule() != null) {
            label.append(' ').append(verdict.rule());
        }
        if (verdict != null && verdict.alert()) {
            label.append(", alert");
        }
        return label.append(']').toString();
    }
}
