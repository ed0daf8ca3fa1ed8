package com.shellguard.command.policy;

import com.shellguard.command.analysis.CommandAnalysis;
import com.shellguard.command.analysis.Invocation;
import com.shellguard.command.model.Command;
import com.shellguard.command.model.CommandWord;
import com.shellguard.command.model.ListedWord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One program a command runs, as rules see it: the names a command rule may match (basenames: of the word,
 * of the path, of the canonical path, and the policy's names of the same file), the absolute paths a path
 * rule may match, whether it is a program at all (the allowlist applies to programs only), and the command as
 * resolved, for line rules: the program's canonical path and its file name, each with the arguments
 * ({@code /usr/sbin/reboot now} for {@code ./boot now}, where boot is a symlink to reboot).
 */
record Target(String display, Set<String> names, Set<String> paths, boolean program, Set<String> lines) {

    /**
     * The command itself first, then every other program the analysis found it runs (through {@code sudo},
     * {@code xargs}, {@code bash -c} ...), then, for zsh, the further command words of the list it reported.
     * Arguments are never targets: {@code echo rm} runs echo, not rm.
     */
    static List<Target> of(Command command, CommandAnalysis analysis) {
        List<Invocation> invocations = analysis.invocations();
        List<Target> targets = new ArrayList<>();
        CommandWord word = command.word();
        Target itself = target(word.word(), word.mayRunProgram(), word.sameFileAs(), word.path(), word.canonical(),
                invocations.isEmpty() ? null : invocations.get(0).program());
        targets.add(itself.resolvedAs(invocations.isEmpty() ? List.of() : invocations.get(0).args(), word.path(), word.canonical()));
        for (Invocation invocation : invocations.subList(Math.min(1, invocations.size()), invocations.size())) {
            String program = invocation.program();
            if (program != null && !program.isEmpty()) {
                targets.add(target(program, !ShellWords.contains(basename(program)), List.of()));
            }
        }
        for (ListedWord listed : command.listed()) {
            targets.add(target(listed.word(), listed.path() != null, List.of(), listed.path()));
        }
        return targets;
    }

    /** A program known by {@code word}, the files it runs, and names the policy knows its file by. */
    private static Target target(String word, boolean program, List<String> sameFileAs, String... files) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        addName(names, word);
        addPath(paths, word);
        for (String file : files) {
            addName(names, file);
            addPath(paths, file);
        }
        sameFileAs.forEach(n -> addName(names, n));
        return new Target(display(word), names, paths, program, Set.of());
    }

    /** This target with the command lines it runs as resolved: each file (path, canonical path, their names) with args. */
    private Target resolvedAs(List<String> args, String... files) {
        String arguments = args.isEmpty() ? "" : " " + String.join(" ", args);
        Set<String> resolved = new LinkedHashSet<>();
        for (String file : files) {
            if (file != null && !file.isEmpty()) {
                resolved.add(file + arguments);
                resolved.add(basename(file) + arguments);
            }
        }
        return new Target(display, names, paths, program, resolved);
    }

    private static void addName(Set<String> names, String word) {
        String name = basename(word);
        if (name != null && !name.isEmpty()) {
            names.add(name);
        }
    }

    private static void addPath(Set<String> paths, String path) {
        if (path != null && path.startsWith("/")) {
            paths.add(path);
        }
    }

    static String basename(String word) {
        if (word == null) {
            return null;
        }
        String trimmed = word.endsWith("/") && word.length() > 1 ? word.substring(0, word.length() - 1) : word;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String display(String word) {
        return word == null || word.isEmpty() ? "the command" : word;
    }
}
