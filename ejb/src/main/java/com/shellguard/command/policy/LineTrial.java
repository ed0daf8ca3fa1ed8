package com.shellguard.command.policy;

import com.shellguard.command.analysis.CommandAnalyzer;
import com.shellguard.command.analysis.Invocation;
import com.shellguard.command.model.Command;
import com.shellguard.command.model.CommandWord;
import com.shellguard.command.model.Resolution;
import com.shellguard.command.rule.BuiltInRules;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.CommandVerdict.Action;
import java.util.List;
import java.util.Optional;

/**
 * How the policy would decide a command line typed at a prompt, with no session and no hook to ask: the
 * "try a command line" of the console. The line becomes a {@link Command} typed at a bash prompt, whose
 * first word is a builtin or keyword when the shell has one of that name and a program otherwise;
 * that program's file is only known when the word is a path, so a path rule decides a bare name only
 * on a real server. Tampering with the hook is found the way it is found in a typed line.
 */
public final class LineTrial {

    private LineTrial() {
    }

    public static CommandVerdict decide(SessionPolicy policy, String line) {
        String text = line == null ? "" : line;
        Optional<String> tamper = CommandAnalyzer.tamperInTypedLine(text);
        if (tamper.isPresent()) {
            return new CommandVerdict(Action.BLOCK, BuiltInRules.TAMPER_PROTECTION, true,
                    "tampering with the command control: " + tamper.get(), policy.version());
        }
        List<Invocation> read = CommandAnalyzer.analyze(typed(text, "", null)).invocations();
        String word = read.isEmpty() || read.get(0).program() == null ? "" : read.get(0).program();
        Command command = typed(text, word, word.isEmpty() || ShellWords.contains(word) ? Resolution.BUILTIN : Resolution.FILE);
        return PolicyEvaluator.decide(policy, command, CommandAnalyzer.analyze(command));
    }

    /** The line at a bash prompt, its word resolved as said; a path word is its own file. */
    private static Command typed(String text, String word, Resolution resolution) {
        String path = word.startsWith("/") ? word : null;
        return Command.typed(text, "bash", new CommandWord(word, resolution, path, path, List.of()));
    }
}
