package com.shellguard.command.policy;

import com.shellguard.command.analysis.CommandAnalysis;
import com.shellguard.command.analysis.Invocation;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One program a command runs, as rules see it: the names a command rule may match (basenames: of the word,
 * of the path, of the canonical path, and the policy's names of the same file), the absolute paths a path
 * rule may match, and whether it is a program at all (the allowlist applies to programs only).
 */
record Target(String display, Set<String> names, Set<String> paths, boolean program) {

    /** How the shell resolves a word that runs a program; builtins, keywords and functions are not programs. */
    private static final Set<Resolution> PROGRAM_RESOLUTIONS = Set.of(Resolution.FILE, Resolution.MISSING, Resolution.DYNAMIC);

    /**
     * The command itself first, then every other program the analysis found it runs (through {@code sudo},
     * {@code xargs}, {@code bash -c} ...), then, for zsh, the further command words of the list it reported.
     * Arguments are never targets: {@code echo rm} runs echo, not rm.
     */
    static List<Target> of(CommandFacts facts, CommandAnalysis analysis) {
        List<Invocation> invocations = analysis.invocations();
        List<Target> targets = new ArrayList<>();
        targets.add(target(facts.word(), PROGRAM_RESOLUTIONS.contains(facts.resolution()), facts.sameAs(), facts.path(),
                facts.canonical(), invocations.isEmpty() ? null : invocations.get(0).program()));
        for (Invocation invocation : invocations.subList(Math.min(1, invocations.size()), invocations.size())) {
            String program = invocation.program();
            if (program != null && !program.isEmpty()) {
                targets.add(target(program, !ShellWords.contains(basename(program)), List.of()));
            }
        }
        for (String word : facts.words()) {
            int split = word.indexOf("=/");
            String name = split >= 0 ? word.substring(0, split) : word.endsWith("=") ? word.substring(0, word.length() - 1) : word;
            String path = split >= 0 ? word.substring(split + 1) : null;
            targets.add(target(name, path != null, List.of(), path));
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
        return new Target(display(word), names, paths, program);
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
