package com.shellguard.command.analysis;

import java.util.Optional;
import java.util.Set;

/**
 * Switching builtins off or loading new ones: bash's {@code enable -n NAME} (a file of that name then runs
 * instead), {@code enable -d}, {@code enable -f FILE NAME}, {@code enable NAME} for a name that is not one of
 * bash's own builtins (bash 5.2 then loads NAME from {@code BASH_LOADABLES_PATH} or its default directory:
 * {@code enable rm} loads {@code /usr/lib/bash/rm}), and zsh's {@code disable NAME}. A loadable builtin runs
 * inside the shell with no program start, where neither the exec guard nor a rule on the program sees it.
 * Without names they only list builtins, which is fine, and so is turning one of bash's own builtins back on
 * ({@code enable echo}: {@link EnableBuiltin} has the policy judge it as that builtin), disabling aliases
 * ({@code disable -a}, {@code -s}) or patterns ({@code -p}).
 */
final class EnableRule implements TamperRule {

    /** bash 5.2's builtins ({@code enable -a}): the names {@code enable} turns on without loading anything. */
    static final Set<String> BASH_BUILTINS = Set.of(".", ":", "[", "alias", "bg", "bind", "break", "builtin", "caller",
        "cd", "command", "compgen", "complete", "compopt", "continue", "declare", "dirs", "disown", "echo", "enable",
        "eval", "exec", "exit", "export", "false", "fc", "fg", "getopts", "hash", "help", "history", "jobs", "kill",
        "let", "local", "logout", "mapfile", "popd", "printf", "pushd", "pwd", "read", "readarray", "readonly",
        "return", "set", "shift", "shopt", "source", "suspend", "test", "times", "trap", "true", "type", "typeset",
        "ulimit", "umask", "unalias", "unset", "wait");

    @Override
    public Optional<String> check(Launch launch) {
        BuiltinArguments arguments = BuiltinArguments.of(launch.args());
        if (arguments.operands().isEmpty()) {
            return Optional.empty();
        }
        if (launch.program().equals("enable") && arguments.hasAny("ndf")) {
            return TamperRule.tamper(launch, "switches builtins off or loads new ones");
        }
        if (launch.program().equals("enable")) {
            Optional<String> loaded = arguments.operands().stream().filter(name -> !BASH_BUILTINS.contains(name)).findFirst();
            if (loaded.isPresent()) {
                return TamperRule.tamper(launch, "loads " + loaded.get() + " as a builtin, which runs with no program start");
            }
        }
        if (launch.program().equals("disable") && !arguments.hasAny("asp")) {
            return TamperRule.tamper(launch, "switches builtins or functions off");
        }
        return Optional.empty();
    }
}
