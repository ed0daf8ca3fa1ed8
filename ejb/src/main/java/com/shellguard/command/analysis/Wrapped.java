package com.shellguard.command.analysis;

import java.util.List;

/** Something a wrapper runs: a program, shell code, or an interactive shell of its own choosing. */
sealed interface Wrapped {

    /**
     * A program the wrapper executes.
     *
     * @param via         the wrapper, as the inner invocation names it
     * @param argv        the program and its arguments (never empty)
     * @param startedAs   how it is started ({@link StartedAs#FILE} unless the wrapper is {@code exec})
     * @param variables   what the wrapper does to the hook's variables
     * @param assignments variables the wrapper sets for it
     * @param unset       variables the wrapper removes for it
     */
    record Program(String via, List<String> argv, StartedAs startedAs, HookVariables variables, List<String> assignments,
                   List<String> unset) implements Wrapped {

        public Program {
            argv = List.copyOf(argv);
            assignments = List.copyOf(assignments);
            unset = List.copyOf(unset);
        }

        static Program of(String via, List<String> argv) {
            return new Program(via, argv, StartedAs.FILE, HookVariables.KEPT, List.of(), List.of());
        }
    }

    /**
     * Shell code the wrapper has a shell run.
     *
     * @param via    the wrapper, such as {@code sh -c}
     * @param code   the code
     * @param hooked whether the shell running it has the hook (and its stand-ins for bash, sh and dash)
     */
    record Code(String via, String code, boolean hooked) implements Wrapped {
    }

    /**
     * An interactive shell the wrapper starts without being told which ({@code sudo -i}, {@code su}, {@code script}):
     * never the hook's, so the hook cannot follow it.
     *
     * @param asAnotherUser started as another user ({@code sudo -i}, {@code su -}), which only a supervisor running as
     *                      root can follow; otherwise ({@code script}, {@code chroot DIR}) nothing follows it
     */
    record InteractiveShell(boolean asAnotherUser) implements Wrapped {
    }

    /**
     * Commands the wrapper hands on to run later, outside the session, from a file, standard input or an editor
     * the gateway cannot read ({@code crontab FILE}, {@code at now}).
     *
     * @param via the wrapper
     */
    record Unseen(String via) implements Wrapped {
    }
}
