package com.shellguard.command.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code env}: runs a command in a changed environment. It is the usual way to start a shell without the hook's
 * variables ({@code env -i bash}, {@code env -u BASH_ENV sh}), so besides the command it reports what it sets,
 * removes or clears. {@code -S STRING} splits its string into further arguments, options included.
 */
final class EnvProgram implements Wrapper {

    private static final OptionSyntax SYNTAX = OptionSyntax.arguments("uCa", "unset", "chdir", "argv0");

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        ParsedOptions parsed = SYNTAX.leading(splitStrings(launch.args()));
        List<String> rest = parsed.operands();
        boolean cleared = parsed.has("-i", "--ignore-environment");
        if (!rest.isEmpty() && rest.get(0).equals("-")) {
            cleared = true;
            rest = rest.subList(1, rest.size());
        }
        List<String> assignments = new ArrayList<>();
        while (!rest.isEmpty() && rest.get(0).indexOf('=') > 0) {
            assignments.add(rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        if (rest.isEmpty()) {
            return List.of();
        }
        List<String> unset = parsed.values("-u", "--unset");
        if (unset.stream().anyMatch(HookNames::loadsHook)) {
            cleared = true;
        }
        return List.of(new Wrapped.Program("env", rest, StartedAs.FILE,
            cleared ? HookVariables.CLEARED : HookVariables.KEPT, assignments, unset));
    }

    /** Replaces each {@code -S STRING} among the leading options by the words of its string. */
    private static List<String> splitStrings(List<String> args) {
        List<String> expanded = new ArrayList<>(args);
        int i = 0;
        while (i < expanded.size()) {
            String arg = expanded.get(i);
            String string = null;
            int taken = 1;
            if (arg.equals("-S") || arg.equals("--split-string")) {
                string = i + 1 < expanded.size() ? expanded.get(i + 1) : "";
                taken = 2;
            } else if (arg.startsWith("--split-string=")) {
                string = arg.substring("--split-string=".length());
            } else if (arg.startsWith("-S")) {
                string = arg.substring(2);
            }
            if (string != null) {
                expanded.subList(i, Math.min(i + taken, expanded.size())).clear();
                expanded.addAll(i, words(string));
                continue;
            }
            if (arg.equals("--") || !arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            i += arg.equals("-u") || arg.equals("-C") || arg.equals("-a") ? 2 : 1;
        }
        return expanded;
    }

    /** env splits like a shell without expansions: quotes and backslashes group, blanks separate. */
    private static List<String> words(String string) {
        return ShellLexer.tokenize(string).stream()
            .filter(ShellWord.class::isInstance)
            .map(token -> ((ShellWord) token).value())
            .toList();
    }
}
