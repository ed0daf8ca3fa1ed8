package com.shellguard.command.analysis;

import java.util.List;

/**
 * Shell code broken down to what it would run: every simple command, wherever it sits (pipelines, lists,
 * subshells, braces, loop and branch bodies, substitutions), in the order they are written, and the names of the
 * functions it defines. Control flow is dropped: a policy must judge every command that may run.
 *
 * @param commands  the simple commands, each followed by those of its substitutions
 * @param functions the names of the functions defined
 */
record ShellCode(List<SimpleCommand> commands, List<String> functions) {

    ShellCode {
        commands = List.copyOf(commands);
        functions = List.copyOf(functions);
    }
}
