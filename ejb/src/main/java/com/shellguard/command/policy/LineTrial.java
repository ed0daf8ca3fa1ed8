package com.shellguard.command.policy;

import com.shellguard.command.analysis.CommandAnalysis;
import com.shellguard.command.analysis.CommandAnalyzer;
import com.shellguard.command.analysis.Invocation;
import com.shellguard.command.rule.BuiltInRules;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.CommandVerdict.Action;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import java.util.List;
import java.util.Optional;

/**
 * How the policy would decide a command line typed at a prompt, with no session and no hook to ask: the
 * "try a command line" of the console. The line is read as the hook would report it from a shell where
 * its first word is a builtin or keyword when the shell has one of that name and a program otherwise;
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
        List<Invocation> read = CommandAnalyzer.analyze(facts(text, "", null)).invocations();
        String word = read.isEmpty() || read.get(0).program() == null ? "" : read.get(0).program();
        CommandFacts facts = facts(text, word, word.isEmpty() || ShellWords.contains(word) ? Resolution.BUILTIN : Resolution.FILE);
        CommandAnalysis analysis = CommandAnalyzer.analyze(facts);
        return PolicyEvaluator.decide(policy, facts, analysis);
    }

    private static CommandFacts facts(String text, String word, Resolution resolution) {
        String path = word.startsWith("/") ? word : null;
        return new CommandFacts("trial", 0, ShellRole.INTERACTIVE, CommandFlags.NONE, 0, "", 0, null, null, resolution, word, path, path,
                List.of(), null, null, text, "bash", List.of());
    }
}
