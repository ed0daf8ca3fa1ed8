package com.shellguard.command.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the simple commands in shell code. It does not build a syntax tree: a policy judges every command that
 * may run, so it only has to know where one simple command ends and the next begins, which words are keywords,
 * assignments or redirection targets rather than commands, and where code is nested (substitutions run too).
 * <p>
 * Best effort by design: code a shell would reject still yields the commands it plainly contains.
 */
final class ShellParser {

    /** Substitutions nested deeper are not followed; the lexer already bounds how deep they can be read. */
    private static final int MAX_NESTING = 16;

    /** Reserved words that only introduce, separate or close command lists, at the start of a command. */
    private static final Set<String> LIST_KEYWORDS = Set.of("if", "then", "elif", "else", "fi", "do", "done", "while",
        "until", "{", "}", "!", "coproc");

    private final List<ShellToken> tokens;
    private final int nesting;
    private final boolean inSubstitution;
    private final List<SimpleCommand> commands = new ArrayList<>();
    private final List<String> functions = new ArrayList<>();
    private final List<String> pendingSubstitutions = new ArrayList<>();
    private final List<ShellWord> assignments = new ArrayList<>();
    private final List<ShellWord> words = new ArrayList<>();
    private int next;
    private int openCases;
    /** Inside a {@code case}, reading the patterns before a {@code )}: they are not commands. */
    private boolean readingPatterns;

    private ShellParser(List<ShellToken> tokens, int nesting, boolean inSubstitution) {
        this.tokens = tokens;
        this.nesting = nesting;
        this.inSubstitution = inSubstitution;
    }

    static ShellCode parse(String code) {
        return parse(code, 0, false);
    }

    private static ShellCode parse(String code, int nesting, boolean inSubstitution) {
        ShellParser parser = new ShellParser(ShellLexer.tokenize(code), nesting, inSubstitution);
        parser.run();
        return new ShellCode(parser.commands, parser.functions);
    }

    private void run() {
        while (next < tokens.size()) {
            ShellToken token = tokens.get(next++);
            if (token instanceof ShellOperator operator) {
                operator(operator);
            } else {
                word((ShellWord) token);
            }
        }
        finishCommand();
    }

    private void operator(ShellOperator operator) {
        if (operator.isRedirection()) {
            peekWord().ifPresent(target -> {
                next++;
                substitutionsOf(target);
            });
            return;
        }
        if (readingPatterns) {
            readingPatterns = !operator.is(")");
            return;
        }
        if (operator.is("(") && words.size() == 1 && assignments.isEmpty() && peekOperator(")")) {
            next++;
            functions.add(words.remove(0).value());
            return;
        }
        finishCommand();
        if (openCases > 0 && (operator.is(";;") || operator.is(";&") || operator.is(";;&"))) {
            readingPatterns = true;
        }
    }

    private void word(ShellWord word) {
        if (readingPatterns) {
            if (word.raw().equals("esac")) {
                closeCase();
            } else {
                substitutionsOf(word);
            }
            return;
        }
        if (words.isEmpty() && assignments.isEmpty() && keyword(word.raw())) {
            return;
        }
        if (words.isEmpty() && word.raw().startsWith("((")) {
            substitutionsOf(word);
            return;
        }
        if (words.isEmpty() && Assignments.isAssignment(word.raw())) {
            assignments.add(word);
        } else {
            words.add(word);
        }
        substitutionsOf(word);
    }

    /** Handles a reserved word at the start of a command; false when the word is an ordinary one. */
    private boolean keyword(String word) {
        switch (word) {
            case "case" -> {
                peekWord().ifPresent(subject -> {
                    next++;
                    substitutionsOf(subject);
                });
                if (peekWord().filter(w -> w.raw().equals("in")).isPresent()) {
                    next++;
                }
                openCases++;
                readingPatterns = true;
            }
            case "esac" -> closeCase();
            case "for", "select" -> {
                if (peekWord().isPresent()) {
                    substitutionsOf(peekWord().get());
                    next++;
                }
                if (peekWord().filter(w -> w.raw().equals("in")).isPresent()) {
                    next++;
                    while (peekWord().isPresent()) {
                        substitutionsOf(peekWord().get());
                        next++;
                    }
                }
            }
            case "function" -> peekWord().ifPresent(name -> {
                next++;
                functions.add(name.value());
                if (peekOperator("(") && next + 1 < tokens.size() && tokens.get(next + 1) instanceof ShellOperator close
                    && close.is(")")) {
                    next += 2;
                }
            });
            case "[[" -> {
                while (next < tokens.size()) {
                    ShellToken token = tokens.get(next++);
                    if (token instanceof ShellWord w) {
                        if (w.raw().equals("]]")) {
                            break;
                        }
                        substitutionsOf(w);
                    }
                }
            }
            default -> {
                return LIST_KEYWORDS.contains(word);
            }
        }
        return true;
    }

    private void closeCase() {
        openCases = Math.max(0, openCases - 1);
        readingPatterns = false;
    }

    private void substitutionsOf(ShellWord word) {
        pendingSubstitutions.addAll(word.substitutions());
    }

    /** Ends the simple command being read; the commands of its substitutions follow it. */
    private void finishCommand() {
        if (!words.isEmpty() || !assignments.isEmpty()) {
            commands.add(new SimpleCommand(assignments, words, inSubstitution));
        }
        words.clear();
        assignments.clear();
        if (nesting < MAX_NESTING) {
            for (String code : pendingSubstitutions) {
                ShellCode substituted = parse(code, nesting + 1, true);
                commands.addAll(substituted.commands());
                functions.addAll(substituted.functions());
            }
        }
        pendingSubstitutions.clear();
    }

    private Optional<ShellWord> peekWord() {
        return next < tokens.size() && tokens.get(next) instanceof ShellWord word ? Optional.of(word)
            : Optional.empty();
    }

    private boolean peekOperator(String operator) {
        return next < tokens.size() && tokens.get(next) instanceof ShellOperator op && op.is(operator);
    }
}
