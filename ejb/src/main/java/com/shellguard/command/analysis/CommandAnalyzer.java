package com.shellguard.command.analysis;

import com.shellguard.command.model.Command;
import com.shellguard.command.model.Resolution;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The policy's reading of a command: every program it runs, through wrappers ({@code xargs}, {@code sudo},
 * {@code find -exec}, ...) and command strings ({@code sh -c}), and whether it would switch the hook off. The hook
 * only sees a command's own word; a rule on {@code rm} must also catch {@code nohup xargs rm}, and a command that
 * removes the hook's trap must be known before it runs, because nothing after it is seen.
 * <p>
 * Pure text analysis: nothing is run, resolved or expanded, and no input makes it throw.
 */
public final class CommandAnalyzer {

    private static final Set<String> SHELL_PREFIXES = Set.of("command", "builtin", "exec");

    private CommandAnalyzer() {
    }

    /** Everything the policy needs about one command text. */
    public static CommandAnalysis analyze(Command reported) {
        String text = reported == null ? "" : reported.text();
        ShellCode code = ShellParser.parse(text);
        Optional<SimpleCommand> own = code.commands().stream().filter(command -> !command.inSubstitution()).findFirst();
        InvocationWalk walk = new InvocationWalk();
        walk.follow(commandItself(reported, own), 0);
        List<SimpleCommand> others = code.commands().stream().filter(command -> own.map(o -> o != command).orElse(true)).toList();
        // zsh reports whole lists: the other commands of the text are as much "the command itself" as the first
        walk.followParsed(new ShellCode(others, code.functions()), "", HookVariables.KEPT, true, 0);
        return walk.result();
    }

    /**
     * Whether the analysis reads the arguments of a program of this file name for the programs it runs: a wrapper
     * ({@code xargs}, {@code sudo}, {@code find}, ...) or a shell ({@code bash -c}). A rule on a program can then concern
     * a word that is only in its arguments.
     */
    public static boolean readsArguments(String name) {
        return name != null && (Wrappers.of(name).isPresent() || ShellFamily.of(name).isPresent());
    }

    /**
     * A tamper attempt visible in a line typed at the prompt, or empty: a function or alias shadowing a name the
     * hook relies on ({@code trap() { :; }}, {@code alias builtin=...}), and anything any of its commands would do
     * to the hook, function bodies included, before the first of them runs.
     */
    public static Optional<String> tamperInTypedLine(String line) {
        InvocationWalk walk = new InvocationWalk();
        walk.followCode(line == null ? "" : line, "", HookVariables.KEPT, true, 0);
        return walk.tamper();
    }

    /**
     * The command itself: the hook's expanded command word when it sent one, with the arguments that follow that
     * word in the text. bash names the word after {@code command}/{@code builtin}/{@code exec} (so {@code exec bash}
     * arrives with the word {@code bash}); the prefixes are then read from the text, for what they change.
     */
    private static Launch commandItself(Command reported, Optional<SimpleCommand> command) {
        String word = reported == null ? "" : reported.word().word();
        Resolution resolution = reported == null ? null : reported.word().resolution();
        Launch launch = command.map(c -> Launch.of(c, "", HookVariables.KEPT, true))
            .orElseGet(() -> new Launch(new Invocation(word, List.of(), ""), List.of(), List.of(), StartedAs.NAME,
                HookVariables.KEPT, true, false));
        List<String> assignments = launch.assignments();
        while (!word.isEmpty() && !launch.program().equals(word) && SHELL_PREFIXES.contains(launch.program())) {
            Launch prefix = launch;
            Optional<Wrapped.Program> inner = Wrappers.of(prefix.program()).map(w -> w.unwrap(prefix)).orElse(List.of())
                .stream().filter(Wrapped.Program.class::isInstance).map(Wrapped.Program.class::cast).findFirst();
            if (inner.isEmpty()) {
                break;
            }
            launch = launch.inner(inner.get());
        }
        String program = word.isEmpty() ? launch.program() : word;
        return new Launch(new Invocation(program, launch.args(), ""), assignments, List.of(),
            startedAs(resolution, launch.startedAs(), program), launch.variables(), true,
            resolution == Resolution.DYNAMIC || launch.dynamicWord());
    }

    /** How the hook says the shell resolved the word; {@code exec} in the text wins, since it replaces the shell. */
    private static StartedAs startedAs(Resolution resolution, StartedAs fromText, String program) {
        if (fromText == StartedAs.EXEC) {
            return StartedAs.EXEC;
        }
        if (resolution == Resolution.SHELL) {
            return StartedAs.STAND_IN;
        }
        if (resolution == Resolution.FUNCTION) {
            return StartedAs.FUNCTION;
        }
        return resolution == Resolution.FILE || program.contains("/") ? StartedAs.FILE : fromText;
    }
}
