package com.shellguard.command.analysis;

import java.util.List;

/**
 * {@code trap ACTION SIGNAL...}: the action is code the shell runs later, when the signal comes. The hook
 * cannot see the commands of a trap handler (bash leaves BASH_COMMAND at the interrupted command while a
 * handler runs), so what the handler would run is judged now, when it is set.
 */
final class TrapBuiltin implements Wrapper {

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        List<String> args = launch.args();
        int first = !args.isEmpty() && args.get(0).equals("--") ? 1 : 0;
        if (args.size() - first < 2 || args.get(first).startsWith("-") || args.get(first).isEmpty()) {
            return List.of();
        }
        return List.of(new Wrapped.Code("trap", args.get(first), launch.hookedShell()));
    }
}
