package com.shellguard.command.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Switching off a shell option the hook needs, or on one that blinds it: {@code set +T}, {@code set +o functrace},
 * {@code set +o history}, {@code set -o posix}, {@code shopt -u -o functrace}, and zsh's {@code unsetopt
 * DEBUG_BEFORE_CMD}, {@code setopt HIST_IGNORE_SPACE} / {@code HIST_NO_STORE} (see {@link ShellOption}).
 * {@code shopt}'s own options are fine, extdebug included: the hook no longer needs it. An option only known when
 * it runs ({@code set +$flags}) could be any of these.
 */
final class ShellOptionRule implements TamperRule {

    @Override
    public Optional<String> check(Launch launch) {
        List<String> args = launch.args();
        return switch (launch.program()) {
            case "set" -> set(launch, args);
            case "shopt" -> shopt(launch, args);
            case "setopt" -> zsh(launch, args, true);
            case "unsetopt" -> zsh(launch, args, false);
            default -> Optional.empty();
        };
    }

    /** {@code set}: flags until {@code --}, {@code -} or the first positional parameter; {@code o} takes a name. */
    private static Optional<String> set(Launch launch, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.length() < 2 || arg.charAt(0) != '-' && arg.charAt(0) != '+' || arg.equals("--")) {
                return Optional.empty();
            }
            if (ShellWord.hasExpansion(arg)) {
                return TamperRule.tamper(launch, "switches options only known when it runs");
            }
            boolean on = arg.charAt(0) == '-';
            for (char letter : arg.substring(1).toCharArray()) {
                if (letter == 'T' && !on) {
                    return TamperRule.tamper(launch, "switches off functrace, which carries the hook's DEBUG trap into functions and subshells");
                }
                if (letter == 'o' && i + 1 < args.size()) {
                    Optional<String> harm = option(launch, args.get(++i), on);
                    if (harm.isPresent()) {
                        return harm;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code shopt -s|-u -o NAME}: only with {@code -o} are these the options of {@code set}. */
    private static Optional<String> shopt(Launch launch, List<String> args) {
        StringBuilder flags = new StringBuilder();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("--")) {
            flags.append(args.get(i++).substring(1));
        }
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        }
        boolean switching = flags.indexOf("s") >= 0 || flags.indexOf("u") >= 0;
        if (flags.indexOf("o") < 0 || !switching) {
            return Optional.empty();
        }
        return names(launch, args.subList(i, args.size()), flags.indexOf("s") >= 0);
    }

    private static Optional<String> zsh(Launch launch, List<String> args, boolean on) {
        return names(launch, args.stream().filter(arg -> !arg.startsWith("-") && !arg.startsWith("+")).toList(), on);
    }

    private static Optional<String> names(Launch launch, List<String> names, boolean on) {
        for (String name : names) {
            Optional<String> harm = option(launch, name, on);
            if (harm.isPresent()) {
                return harm;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> option(Launch launch, String name, boolean on) {
        if (ShellWord.hasExpansion(name)) {
            return TamperRule.tamper(launch, "switches an option only known when it runs");
        }
        return ShellOption.of(name, on).harm().flatMap(why -> TamperRule.tamper(launch, why));
    }
}
