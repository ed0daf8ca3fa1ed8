package com.shellguard.command.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which options of a program take an argument. Without it the analysis could not tell {@code timeout -s KILL 5 rm}
 * (runs {@code rm}) from {@code timeout -v 5 rm}, nor find where the command of a wrapper begins. Reads
 * GNU-style arguments: clustered short options ({@code -xvf}), an argument attached ({@code -n5}) or in the next
 * word, {@code --name=value} or {@code --name value}, and {@code --} ending the options. {@code -} alone is an operand.
 */
final class OptionSyntax {

    static final OptionSyntax FLAGS_ONLY = new OptionSyntax("", Set.of(), "");

    private final String shortWithArgument;
    private final Set<String> longWithArgument;
    private final String shortWithAttachedArgument;

    private OptionSyntax(String shortWithArgument, Set<String> longWithArgument, String shortWithAttachedArgument) {
        this.shortWithArgument = shortWithArgument;
        this.longWithArgument = longWithArgument;
        this.shortWithAttachedArgument = shortWithAttachedArgument;
    }

    /**
     * @param shortLetters the short options that take an argument
     * @param longNames    the long options (without {@code --}) that take an argument
     */
    static OptionSyntax arguments(String shortLetters, String... longNames) {
        return new OptionSyntax(shortLetters, Set.of(longNames), "");
    }

    /** Short options whose argument is optional, so only ever attached ({@code xargs -i{}}, {@code -e}). */
    OptionSyntax attachedArguments(String shortLetters) {
        return new OptionSyntax(shortWithArgument, longWithArgument, shortLetters);
    }

    /** Options up to the first operand, as programs that run a command read them: the rest is that command. */
    ParsedOptions leading(List<String> args) {
        return parse(args, false);
    }

    /** Options anywhere before {@code --} (GNU permutation), as {@code su} and {@code script} read theirs. */
    ParsedOptions anywhere(List<String> args) {
        return parse(args, true);
    }

    private ParsedOptions parse(List<String> args, boolean permute) {
        List<ParsedOptions.Option> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i++);
            if (arg.equals("--")) {
                operands.addAll(args.subList(i, args.size()));
                break;
            }
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                String value = "";
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (longWithArgument.contains(name.substring(2)) && i < args.size()) {
                    value = args.get(i++);
                }
                options.add(new ParsedOptions.Option(name, value));
            } else if (arg.length() > 1 && arg.charAt(0) == '-') {
                i = cluster(arg, args, i, options);
            } else if (permute) {
                operands.add(arg);
            } else {
                operands.add(arg);
                operands.addAll(args.subList(i, args.size()));
                break;
            }
        }
        return new ParsedOptions(options, operands);
    }

    /** Reads one word of short options; returns the index of the next unread word. */
    private int cluster(String arg, List<String> args, int next, List<ParsedOptions.Option> options) {
        if (arg.substring(1).chars().allMatch(Character::isDigit)) {
            options.add(new ParsedOptions.Option(arg, ""));   // nice -10
            return next;
        }
        for (int j = 1; j < arg.length(); j++) {
            char letter = arg.charAt(j);
            String name = "-" + letter;
            String attached = arg.substring(j + 1);
            if (shortWithArgument.indexOf(letter) >= 0) {
                boolean separate = attached.isEmpty() && next < args.size();
                options.add(new ParsedOptions.Option(name, separate ? args.get(next) : attached));
                return separate ? next + 1 : next;
            }
            if (shortWithAttachedArgument.indexOf(letter) >= 0) {
                options.add(new ParsedOptions.Option(name, attached));
                return next;
            }
            options.add(new ParsedOptions.Option(name, ""));
        }
        return next;
    }
}
