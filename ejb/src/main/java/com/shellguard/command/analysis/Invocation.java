package com.shellguard.command.analysis;

import java.util.List;

/**
 * One program (or builtin) a command runs, directly or through a wrapper. A policy rule on {@code rm} must
 * also catch {@code xargs rm} and {@code sudo sh -c 'rm ...'}; each such program is one invocation.
 *
 * @param program the program as written (a path stays a path: {@code /bin/rm}); for the command itself, the
 *                command word as the hook expanded it; empty for a command that only assigns variables
 * @param args    its arguments after quote removal, with expansions ({@code $var}, {@code $(cmd)}) left as written
 * @param via     how it is reached: {@code ""} for a command of the text itself, else what runs it, such as
 *                {@code xargs}, {@code sudo}, {@code find -exec}, {@code sh -c}, {@code eval}, or {@code $( )}
 *                for a command substitution
 */
public record Invocation(String program, List<String> args, String via) {

    public Invocation {
        program = program == null ? "" : program;
        args = args == null ? List.of() : List.copyOf(args);
        via = via == null ? "" : via;
    }
}
