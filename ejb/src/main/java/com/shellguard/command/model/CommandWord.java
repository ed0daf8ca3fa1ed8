package com.shellguard.command.model;

import java.util.List;

/**
 * The command word as the shell will see it (after the expansions the hook could do without side effects) and
 * what it resolves to.
 *
 * @param word       the word; empty when the hook sent none (zsh reports the text only)
 * @param resolution how the shell resolves it; null when the hook did not say
 * @param path       the file it runs, for {@link Resolution#FILE}
 * @param canonical  that file with symlinks resolved
 * @param sameFileAs program names a rule names whose file is this very file (a symlink or hard link to it)
 */
public record CommandWord(String word, Resolution resolution, String path, String canonical, List<String> sameFileAs) {

    public CommandWord {
        word = word == null ? "" : word;
        sameFileAs = sameFileAs == null ? List.of() : List.copyOf(sameFileAs);
    }

    /** Whether the word may start a program; a word the hook did not resolve may not. */
    public boolean mayRunProgram() {
        return resolution != null && resolution.mayRunProgram();
    }
}
