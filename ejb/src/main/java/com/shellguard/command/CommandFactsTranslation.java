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
import com.shellguard.connector.api.CommandFlag;
import com.shellguard.connector.api.CommandFlags;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one place where the connector's record of a command ({@link CommandFacts}, shaped by the hook protocol)
 * becomes the application's {@link Command}. Everything behind {@link CommandControlService} sees only the latter.
 * Role, resolution and flags arrive typed (the connector's decoder refuses a value the protocol does not
 * name); each maps to its domain value here.
 */
final class CommandFactsTranslation {

    private CommandFactsTranslation() {
    }

    static Command command(CommandFacts facts) {
        return new Command(facts.commandId(), facts.startMicros(), facts.text(),
                new CommandWord(facts.word(), resolution(facts.resolution()), facts.path(), facts.canonical(), facts.sameAs()),
                new RunningShell(facts.shell(), role(facts.role()), flags(facts.flags()), facts.subshell(), facts.source(),
                        facts.line(), facts.function(), facts.cwd()),
                facts.lineId(), facts.alias(), listed(facts.words()), facts.caller(), facts.parent(), facts.uid());
    }

    /** Each command of an audit batch, with its session and verdict. */
    static List<JudgedCommand> judged(List<CommandEvent> events) {
        List<JudgedCommand> judged = new ArrayList<>(events.size());
        for (CommandEvent event : events) {
            judged.add(new JudgedCommand(event.sessionId(), command(event.facts()), event.verdict()));
        }
        return judged;
    }

    /** Every protocol value has its domain value: the switches are exhaustive, so a value added to the protocol fails here. */
    private static Resolution resolution(com.shellguard.connector.api.Resolution wire) {
        return wire == null ? null : switch (wire) {
            case FILE -> Resolution.FILE;
            case BUILTIN -> Resolution.BUILTIN;
            case FUNCTION -> Resolution.FUNCTION;
            case KEYWORD -> Resolution.KEYWORD;
            case MISSING -> Resolution.MISSING;
            case DYNAMIC -> Resolution.DYNAMIC;
            case SHELL -> Resolution.SHELL;
            case UNRESOLVED -> Resolution.UNRESOLVED;
        };
    }

    private static ShellRole role(com.shellguard.connector.api.ShellRole wire) {
        return wire == null ? null : switch (wire) {
            case INTERACTIVE -> ShellRole.INTERACTIVE;
            case EXEC -> ShellRole.EXEC;
            case CHILD -> ShellRole.CHILD;
            case GUARD -> ShellRole.GUARD;
            case SUPERVISOR -> ShellRole.SUPERVISOR;
        };
    }

    private static Set<ShellFlag> flags(CommandFlags wire) {
        if (wire == null || wire.set().isEmpty()) {
            return Set.of();
        }
        Set<ShellFlag> flags = EnumSet.noneOf(ShellFlag.class);
        for (CommandFlag flag : wire.set()) {
            flags.add(switch (flag) {
                case COMPLETION -> ShellFlag.COMPLETION;
                case PROMPT_FUNCTION -> ShellFlag.PROMPT_HOOK;
                case COMMAND_STRING -> ShellFlag.COMMAND_STRING;
            });
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
