package com.shellguard.command.analysis;

import static com.shellguard.command.analysis.OptionSyntax.FLAGS_ONLY;
import static com.shellguard.command.analysis.OptionSyntax.arguments;
import static com.shellguard.command.analysis.OptionsThenCommand.withOptions;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every program and builtin the analysis looks inside, by file name. The option tables are the programs' own
 * (GNU coreutils, util-linux, sudo, procps, findutils, GNU parallel, bash); an option missing here only means its
 * argument could be taken for the command, which a policy then sees as one more invocation.
 */
final class Wrappers {

    private static final Map<String, Wrapper> BY_NAME = byName();

    private Wrappers() {
    }

    static Optional<Wrapper> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, Wrapper> byName() {
        Map<String, Wrapper> wrappers = new HashMap<>();
        wrappers.put("nohup", withOptions(FLAGS_ONLY));
        wrappers.put("setsid", withOptions(FLAGS_ONLY));
        wrappers.put("unbuffer", withOptions(FLAGS_ONLY));
        wrappers.put("busybox", withOptions(FLAGS_ONLY));
        wrappers.put("timeout", withOptions(arguments("sk", "signal", "kill-after")).skipping(1));
        wrappers.put("nice", withOptions(arguments("n", "adjustment")));
        wrappers.put("ionice", withOptions(arguments("cnpPu", "class", "classdata", "pid", "pgid", "uid"))
            .runningNothingWith("-p", "-P", "-u", "--pid", "--pgid", "--uid"));
        wrappers.put("stdbuf", withOptions(arguments("ioe", "input", "output", "error")));
        wrappers.put("chroot", withOptions(arguments("", "userspec", "groups")).skipping(1).interactiveShellWithoutCommand());
        wrappers.put("strace", withOptions(arguments("abeEIoOpPsSuUX", "trace", "signal", "status", "output", "attach",
            "user", "env", "string-limit", "columns", "summary-sort-by", "trace-path", "detach-on", "const-print-style")));
        wrappers.put("ltrace", withOptions(arguments("aADeFlnopsuwx", "output", "library", "align", "indent")));
        wrappers.put("time", withOptions(arguments("fo", "format", "output")));
        wrappers.put("taskset", withOptions(FLAGS_ONLY).skipping(1).runningNothingWith("-p", "--pid"));
        wrappers.put("chrt", withOptions(arguments("TPD", "sched-runtime", "sched-period", "sched-deadline")).skipping(1)
            .runningNothingWith("-p", "--pid", "-m", "--max"));
        wrappers.put("sudo", withOptions(arguments("CDgpRrtTUu", "close-from", "chdir", "group", "host", "prompt", "chroot",
            "role", "type", "command-timeout", "other-user", "user"))
            .takingAssignments().switchingUser()
            .interactiveShellWith("-i", "--login", "-s", "--shell")
            .runningNothingWith("-e", "--edit", "-l", "--list", "-v", "--validate", "-V", "--version", "-K",
                "--remove-timestamp", "-h", "--help"));
        wrappers.put("doas", withOptions(arguments("Cu")).switchingUser().interactiveShellWith("-s").runningNothingWith("-C"));
        wrappers.put("xargs", withOptions(arguments("aEIdLnPs", "arg-file", "delimiter", "max-args", "max-procs",
            "max-chars", "process-slot-var").attachedArguments("eil")).defaultingTo("echo"));
        wrappers.put("command", withOptions(FLAGS_ONLY).runningNothingWith("-v", "-V"));
        wrappers.put("builtin", withOptions(FLAGS_ONLY));
        wrappers.put("exec", withOptions(arguments("a")).starting(StartedAs.EXEC).clearingWith("-c"));
        wrappers.put("env", new EnvProgram());
        wrappers.put("su", new SwitchUserProgram());
        wrappers.put("runuser", new SwitchUserProgram());
        wrappers.put("flock", new FlockProgram());
        wrappers.put("watch", new WatchProgram());
        wrappers.put("script", new ScriptProgram());
        wrappers.put("parallel", new ParallelProgram());
        wrappers.put("find", new FindProgram());
        wrappers.put("eval", new EvalBuiltin());
        wrappers.put("trap", new TrapBuiltin());
        wrappers.put("enable", new EnableBuiltin());
        wrappers.put("crontab", ScheduledProgram.CRONTAB);
        wrappers.put("at", ScheduledProgram.AT);
        wrappers.put("batch", ScheduledProgram.AT);
        for (ShellFamily family : ShellFamily.values()) {
            for (String shell : family.names()) {
                wrappers.put(shell, new ShellProgram(family));
            }
        }
        return Map.copyOf(wrappers);
    }
}
