package com.shellguard.command.model;

import java.util.List;

/**
 * One command a hooked shell is about to run (or, from the exec guard, one program another program is about to
 * start), as analysis, policy and audit see it. The text is the command's own, after alias expansion and before
 * parameter expansion; the hook reports it before it runs, so nothing here says how it ended.
 *
 * @param id          {@code pid.n}, unique within the session
 * @param startMicros when it started, microseconds since the epoch
 * @param text        the command's text; empty when unknown
 * @param word        the command word and what it resolves to
 * @param where       the shell and the place in it that runs the command
 * @param lineId      the interactive line the command belongs to ({@code shellpid.historynumber}), if any
 * @param alias       the alias the typed line used, if any
 * @param listed      for a shell that reports whole lists (zsh): every further command word of the list
 * @param caller      for the exec guard: the process that asked to start the program, {@code pid path}; else empty
 * @param parent      for the exec guard and the supervisor: that process's parent, {@code pid path}; else empty
 * @param uid         for the supervisor: the real uid the program runs as; else empty
 */
public record Command(String id, long startMicros, String text, CommandWord word, RunningShell where, String lineId,
                      String alias, List<ListedWord> listed, String caller, String parent, String uid) {

    public Command {
        text = text == null ? "" : text;
        word = word == null ? new CommandWord("", null, null, null, List.of()) : word;
        listed = listed == null ? List.of() : List.copyOf(listed);
        caller = caller == null ? "" : caller;
        parent = parent == null ? "" : parent;
        uid = uid == null ? "" : uid;
    }

    /** A command without a uid: every sender but the supervisor. */
    public Command(String id, long startMicros, String text, CommandWord word, RunningShell where, String lineId,
                   String alias, List<ListedWord> listed, String caller, String parent) {
        this(id, startMicros, text, word, where, lineId, alias, listed, caller, parent, "");
    }

    /** A line typed at the prompt of an interactive {@code shell}, read as running {@code word}. */
    public static Command typed(String text, String shell, CommandWord word) {
        return new Command(null, 0, text, word, RunningShell.prompt(shell), null, null, List.of(), "", "");
    }
}
