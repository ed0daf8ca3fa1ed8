package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * A command of a session: either a question (the hook waits for a {@link CommandVerdict}) or a report of a
 * command the hook allowed locally because no rule can apply to it. {@code verdict} is set on reports and on
 * questions once answered, so the audit gets both in one shape.
 */
public record CommandEvent(String sessionId, CommandFacts facts, boolean question, CommandVerdict verdict)
        implements Serializable {

    public CommandEvent answered(CommandVerdict answer) {
        return new CommandEvent(sessionId, facts, question, answer);
    }
}
