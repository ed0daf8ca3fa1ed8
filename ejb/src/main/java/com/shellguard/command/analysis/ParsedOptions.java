package com.shellguard.command.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A program's arguments split into options and operands, as {@link OptionSyntax} reads them.
 *
 * @param options  every option given, in order, with its argument ({@code ""} for a flag)
 * @param operands the words that are not options; for a program that stops at its first operand, that operand
 *                 and everything after it (the command it runs)
 */
record ParsedOptions(List<Option> options, List<String> operands) {

    /**
     * One option as given.
     *
     * @param name  {@code -x} for a short option, {@code --name} for a long one
     * @param value its argument, or {@code ""}
     */
    record Option(String name, String value) {
    }

    ParsedOptions {
        options = List.copyOf(options);
        operands = List.copyOf(operands);
    }

    boolean has(String... names) {
        return options.stream().anyMatch(option -> Arrays.asList(names).contains(option.name()));
    }

    /** The last value given for any of these names (later options override earlier ones). */
    Optional<String> value(String... names) {
        List<String> values = values(names);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> values(String... names) {
        List<String> wanted = Arrays.asList(names);
        return options.stream().filter(option -> wanted.contains(option.name())).map(Option::value).toList();
    }
}
