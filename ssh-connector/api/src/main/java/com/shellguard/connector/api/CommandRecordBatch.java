package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * What the connector collected for the audit since the last batch: commands (reported or decided), their
 * completions, typed lines, alerts, and the ends of sessions whose direct report did not reach the database, possibly
 * of several sessions. Delivered off the hook's critical path.
 *
 * <p>{@code key} names the batch uniquely (the node's delivery assigns it once and keeps it when it delivers the batch
 * again after a failure, from memory or its spool): the application writes a batch with a key at most once, so a batch
 * whose write was committed but whose answer never came back is not doubled when it is sent again. A batch without a
 * key (an alert sent on its own) is written every time it is sent.
 */
public record CommandRecordBatch(String key, List<CommandEvent> commands, List<CommandCompletion> completions,
                                 List<TypedLine> lines, List<SessionAlert> alerts, List<SessionSummary> ends)
        implements Serializable {

    public CommandRecordBatch {
        commands = List.copyOf(commands);
        completions = List.copyOf(completions);
        lines = List.copyOf(lines);
        alerts = List.copyOf(alerts);
        ends = List.copyOf(ends);
    }

    /** A batch without a key or session ends. */
    public CommandRecordBatch(List<CommandEvent> commands, List<CommandCompletion> completions, List<TypedLine> lines,
                              List<SessionAlert> alerts) {
        this(null, commands, completions, lines, alerts, List.of());
    }

    public boolean isEmpty() {
        return commands.isEmpty() && completions.isEmpty() && lines.isEmpty() && alerts.isEmpty() && ends.isEmpty();
    }

    /** How many things the batch carries. */
    public int size() {
        return commands.size() + completions.size() + lines.size() + alerts.size() + ends.size();
    }
}
