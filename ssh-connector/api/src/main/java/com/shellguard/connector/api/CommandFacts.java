package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * One command a hooked shell is about to run, as the hook saw it: the text after alias expansion (before
 * parameter expansion), the command word after the expansions the hook could do without side effects, and
 * how the shell resolves that word. The hook sends raw values; the application derives origin and depth.
 *
 * @param commandId   {@code pid.n}, unique within the session
 * @param startMicros when the command started, microseconds since the epoch
 * @param role        the shell's role: interactive, exec (the command of an exec session), child, or guard (a program
 *                    start the exec guard saw)
 * @param flags       in a completion, in a {@code -c} string, in a zsh precmd or preexec function
 * @param subshell    the subshell nesting depth ({@code BASH_SUBSHELL})
 * @param source      the script or sourced file running the command; empty at the prompt
 * @param line        the line in {@code source}
 * @param function    the shell function running it, if any
 * @param resolution  how the shell resolves the word: a file, builtin, function, keyword, nothing (missing), known only
 *                    once it runs (dynamic), or a shell the hook starts hooked
 * @param word        the command word as the shell will see it
 * @param path        the file it runs, for {@code file}
 * @param canonical   that file with symlinks resolved
 * @param sameAs      program names a rule names whose file is this very file (a symlink or hard link to it)
 * @param lineId      the interactive line the command belongs to ({@code shellpid.historynumber})
 * @param alias       the alias the typed line used, if any
 * @param text        the command's text
 * @param shell       {@code bash}, {@code zsh}, or {@code guard} for a program start the exec guard saw
 * @param words       for a shell that reports whole lists (zsh): every further command word and its path, {@code word=path}
 * @param caller      for the exec guard: the process that asked to start the program, {@code pid path}; else empty
 * @param parent      for the exec guard and the supervisor: that process's parent, {@code pid path}; else empty
 * @param uid         for the supervisor: the real uid the program runs as, as read at its exec event; else empty
 */
public record CommandFacts(String commandId, long startMicros, ShellRole role, CommandFlags flags, int subshell,
                           String source, int line, String function, String cwd, Resolution resolution, String word, String path,
                           String canonical, List<String> sameAs, String lineId, String alias, String text,
                           String shell, List<String> words, String caller, String parent, String uid) implements Serializable {

    public CommandFacts {
        flags = flags == null ? CommandFlags.NONE : flags;
        sameAs = sameAs == null ? List.of() : List.copyOf(sameAs);
        words = words == null ? List.of() : List.copyOf(words);
        caller = caller == null ? "" : caller;
        parent = parent == null ? "" : parent;
        uid = uid == null ? "" : uid;
    }

    /** A command without a uid: every sender but the supervisor. */
    public CommandFacts(String commandId, long startMicros, ShellRole role, CommandFlags flags, int subshell,
                        String source, int line, String function, String cwd, Resolution resolution, String word, String path,
                        String canonical, List<String> sameAs, String lineId, String alias, String text,
                        String shell, List<String> words, String caller, String parent) {
        this(commandId, startMicros, role, flags, subshell, source, line, function, cwd, resolution, word, path, canonical,
                sameAs, lineId, alias, text, shell, words, caller, parent, "");
    }

    /** A command a shell hook saw: no calling process beyond the shell itself. */
    public CommandFacts(String commandId, long startMicros, ShellRole role, CommandFlags flags, int subshell,
                        String source, int line, String function, String cwd, Resolution resolution, String word, String path,
                        String canonical, List<String> sameAs, String lineId, String alias, String text,
                        String shell, List<String> words) {
        this(commandId, startMicros, role, flags, subshell, source, line, function, cwd, resolution, word, path, canonical,
                sameAs, lineId, alias, text, shell, words, "", "");
    }
}
