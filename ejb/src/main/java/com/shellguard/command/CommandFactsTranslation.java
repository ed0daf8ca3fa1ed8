package com.shellguard.command;

import com.shellguard.command.audit.JudgedCommand;
import com.shellguard.command.model.Command;
import com.shellguard.command.model.CommandWord;
import com.shellguard.command.model.ListedWord;
import com.shellguard.command.model.Resolution;
import com.shellguard.command.model.RunningShell;
import com.shellguard.command.model.ShellFlag;
import com.shellguard.command.model.ShellRole;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one place where the connector's record of a command ({@link CommandFacts}, shaped by the hook protocol)
 * becomes the application's {@link Command}. Everything behind {@link CommandControlService} sees only the latter.
 * A value the protocol does not name becomes "not said" ({@code null}, no flag), never an error: a report a
 * forger made up must still be decided (and refused) and audited.
 */
final class CommandFactsTranslation {

    private CommandFactsTranslation() {
    }

    static Command command(CommandFacts facts) {
        return new Command(facts.commandId(), facts.startMicros(), facts.text(),
                new CommandWord(facts.word(), resolution(facts.resolution()), facts.path(), facts.canonical(), facts.sameAs()),
                new RunningShell(facts.shell(), role(facts.role()), flags(facts.flags()), facts.subshell(), facts.source(),
                        facts.line(), facts.function(), facts.cwd()),
                facts.lineId(), facts.alias(), listed(facts.words()), facts.caller(), facts.parent());
    }

    /** Each command of an audit batch, with its session and verdict. */
    static List<JudgedCommand> judged(List<CommandEvent> events) {
        List<JudgedCommand> judged = new ArrayList<>(events.size());
        for (CommandEvent event : events) {
            judged.add(new JudgedCommand(event.sessionId(), command(event.facts()), event.verdict()));
        }
        return judged;
    }

    private static Resolution resolution(String wire) {
        return wire == null ? null : switch (wire) {
            case "file" -> Resolution.FILE;
            case "builtin" -> Resolution.BUILTIN;
            case "function" -> Resolution.FUNCTION;
            case "keyword" -> Resolution.KEYWORD;
            case "missing" -> Resolution.MISSING;
            case "dynamic" -> Resolution.DYNAMIC;
            case "shell" -> Resolution.SHELL;
            default -> null;
        };
    }

    private static ShellRole role(String wire) {
        return wire == null ? null : switch (wire) {
            case "interactive" -> ShellRole.INTERACTIVE;
            case "exec" -> ShellRole.EXEC;
            case "child" -> ShellRole.CHILD;
            case "guard" -> ShellRole.GUARD;
            default -> null;
        };
    }

    /** The flag letters: {@code c} completion, {@code p} (zsh) precmd or preexec, {@code x} a {@code -c} string. */
    private static Set<ShellFlag> flags(String letters) {
        if (letters == null || letters.isEmpty()) {
            return Set.of();
        }
        Set<ShellFlag> flags = EnumSet.noneOf(ShellFlag.class);
        for (int i = 0; i < letters.length(); i++) {
            switch (letters.charAt(i)) {
                case 'c' -> flags.add(ShellFlag.COMPLETION);
                case 'p' -> flags.add(ShellFlag.PROMPT_HOOK);
                case 'x' -> flags.add(ShellFlag.COMMAND_STRING);
                default -> { }
            }
        }
        return flags;
    }

    /** zsh's further words, {@code word=path} (path absolute) or {@code word=} (no file) or just the word. */
    private static List<ListedWord> listed(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<ListedWord> listed = new ArrayList<>(words.size());
        for (String word : words) {
            int split = word.indexOf("=/");
            if (split >= 0) {
                listed.add(new ListedWord(word.substring(0, split), word.substring(split + 1)));
            } else {
                listed.add(new ListedWord(word.endsWith("=") ? word.substring(0, word.length() - 1) : word, null));
            }
        }
        return listed;
    }
}
