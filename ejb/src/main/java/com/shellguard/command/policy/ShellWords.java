package com.shellguard.command.policy;

import java.util.Set;

/**
 * Builtins and keywords of bash and zsh. A program the analysis finds inside another command ({@code bash -c
 * 'cd /tmp && make'}) carries no resolution from the hook; these names are taken for what the shell runs
 * itself, so an allowlist does not block {@code cd}. A rule that names one still applies to it.
 */
final class ShellWords {

    private static final Set<String> WORDS = Set.of(
            ".", ":", "[", "[[", "]]", "{", "}", "!", "alias", "bg", "bind", "break", "builtin", "caller", "case", "cd",
            "command", "compgen", "complete", "compopt", "continue", "coproc", "declare", "dirs", "disown", "do", "done",
            "echo", "elif", "else", "enable", "esac", "eval", "exec", "exit", "export", "false", "fc", "fg", "fi", "for",
            "function", "getopts", "hash", "help", "history", "if", "in", "jobs", "let", "local", "logout", "mapfile",
            "popd", "printf", "pushd", "pwd", "read", "readarray", "readonly", "return", "select", "set", "shift", "shopt",
            "source", "suspend", "test", "then", "time", "times", "trap", "true", "type", "typeset", "ulimit", "umask",
            "unalias", "unset", "until", "wait", "while",
            "autoload", "bindkey", "emulate", "noglob", "print", "setopt", "unsetopt", "whence", "zmodload", "zle",
            "zstyle", "compdef", "rehash", "integer", "float", "functions");

    private ShellWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
