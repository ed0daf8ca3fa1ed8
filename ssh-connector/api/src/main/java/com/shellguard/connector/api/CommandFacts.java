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
 * @param role        the shell's role: {@code interactive}, {@code exec} (the command of an exec session) or {@code child}
 * @param flags       {@code p} while PROMPT_COMMAND runs, {@code c} in a completion, {@code x} in a {@code -c} string
 * @param subshell    the subshell nesting depth ({@code BASH_SUBSHELL})
 * @param source      the script or sourced file running the command; empty at the prompt
 * @param line        the line in {@code source}
 * @param function    the shell function running it, if any
 * @param resolution  {@code file}, {@code builtin}, {@code function}, {@code keyword}, {@code missing}, {@code dynamic}
 *                    (the word is only known once it runs) or {@code shell} (a shell the hook starts hooked)
 * @param word        the command word as the shell will see it
 * @param path        the file it runs, for {@code file}
 * @param canonical   that file with symlinks resolved
 * @param sameAs      program names a rule names whose file is this very file (a symlink or hard link to it)
 * @param lineId      the interactive line the command belongs to ({@code shellpid.historynumber})
 * @param alias       the alias the typed line used, if any
 * @param text        the command's text
 * @param shell       {@code bash} or {@code zsh}
 * @param words       for a shell that reports whole lists (zsh): every further command word and its path, {@code word=path}
 */
public record CommandFacts(String commandId, long startMicros, String role, String flags, int subshell, String source,
                           int line, String function, String cwd, String resolution, String word, String path,
                           String canonical, List<String> sameAs, String lineId, String alias, String text,
                           String shell, List<String> words) implements Serializable {

    public CommandFacts {
        sameAs = sameAs == null ? List.of() : List.copyOf(sameAs);
        words = words == null ? List.of() : List.copyOf(words);
    }
}
