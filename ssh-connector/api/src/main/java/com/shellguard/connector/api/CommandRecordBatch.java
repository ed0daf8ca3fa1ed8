package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * What the connector collected for the audit since the last batch: commands (reported or decided), their
 * completions, typed lines and alerts, possibly of several sessions. Delivered off the hook's critical path.
 */
public record CommandRecordBatch(List<CommandEvent> commands, List<CommandCompletion> completions,
                                 List<TypedLine> lines, List<SessionAlert> alerts) implements Serializable {

    public CommandRecordBatch {
        commands = List.copyOf(commands);
        completions = List.copyOf(completions);
        lines = List.copyOf(lines);
        alerts = List.copyOf(alerts);
    }

    public boolean isEmpty() {
        return commands.isEmpty() && completions.isEmpty() && lines.isEmpty() && alerts.isEmpty();
    }
}
