package com.shellguard.command.analysis;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Shells, grouped by how the hook can reach them. */
enum ShellFamily {
    /** Loads the hook through {@code BASH_ENV} when not interactive, and through the stand-in's rc file when it is. */
    BASH("bash", "rbash"),
    /** Run by the hook's stand-in as a hooked bash in POSIX mode; as a file (dash, or bash as sh) never hooked. */
    SH("sh", "dash"),
    /** Loads the hook through {@code ZDOTDIR}'s {@code .zshenv} unless told to skip its startup files. */
    ZSH("zsh"),
    /** Shells the hook has no hook for. */
    OTHER("ksh", "ksh93", "mksh", "pdksh", "oksh", "ash", "csh", "tcsh", "fish", "posh", "yash");

    private final Set<String> names;

    ShellFamily(String... names) {
        this.names = Set.of(names);
    }

    Set<String> names() {
        return names;
    }

    /** The family of a program's file name; a login shell's leading {@code -} ({@code -bash}) is ignored. */
    static Optional<ShellFamily> of(String name) {
        String plain = name.startsWith("-") ? name.substring(1) : name;
        return Arrays.stream(values()).filter(family -> family.names.contains(plain)).findFirst();
    }
}
