package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import java.util.regex.Pattern;

/**
 * Whether a reported program start ({@code R}) is one a rule of the session's policy could concern: the same filter
 * the hooks and the exec guard decide alone with (PROTOCOL.md, "What a hook decides alone"), applied by the gateway to
 * the report's own facts. An honest hook never reports such a program, it asks; so the gateway decides these reports
 * again. Only program starts are checked: builtins, keywords and functions are the hook's own to decide.
 */
final class RuleReach {

    private RuleReach() {
    }

    static boolean mayConcern(CommandPolicySnapshot policy, CommandFacts facts) {
        boolean program = facts.role() == ShellRole.GUARD || facts.resolution() == Resolution.FILE
                || facts.resolution() == Resolution.SHELL;
        if (!program) {
            return false;
        }
        if (policy == null || policy.allowlist() || policy.lineRules() || !facts.sameAs().isEmpty()) {
            return true;
        }
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(facts.word(), facts.path(), facts.canonical()));
        for (String listed : facts.words()) {
            // zsh reports a sublist once: its further words as word=path
            int eq = listed.indexOf('=');
            names.add(eq < 0 ? listed : listed.substring(0, eq));
            if (eq >= 0) {
                names.add(listed.substring(eq + 1));
            }
        }
        for (String name : names) {
            if (name != null && !name.isEmpty() && namedByRule(policy, basename(name))) {
                return true;
            }
        }
        for (String glob : policy.pathGlobs()) {
            Pattern pattern = glob(glob);
            if (matches(pattern, facts.path()) || matches(pattern, facts.canonical())) {
                return true;
            }
        }
        return false;
    }

    /** A command rule's pattern is a program name or a glob of names ({@code r*}). */
    private static boolean namedByRule(CommandPolicySnapshot policy, String name) {
        for (String pattern : policy.programNames()) {
            if (pattern.equals(name) || (pattern.matches(".*[*?\\[].*") && glob(pattern).matcher(name).matches())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Pattern pattern, String path) {
        return path != null && !path.isEmpty() && pattern.matcher(path).matches();
    }

    private static String basename(String word) {
        String trimmed = word.endsWith("/") && word.length() > 1 ? word.substring(0, word.length() - 1) : word;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** A shell pattern as the hooks match it ({@code [[ $path == $glob ]]}: {@code *} crosses slashes). */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        regex.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
