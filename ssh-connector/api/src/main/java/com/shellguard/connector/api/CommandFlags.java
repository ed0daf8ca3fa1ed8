package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The flags a hook set on a command (its {@code flags} field: one letter per {@link CommandFlag}), as one value.
 *
 * @param set the flags set; none is an empty set
 */
public record CommandFlags(Set<CommandFlag> set) implements Serializable {

    public static final CommandFlags NONE = new CommandFlags(Set.of());

    public CommandFlags {
        set = set == null || set.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(set));
    }

    public static CommandFlags of(CommandFlag... flags) {
        return new CommandFlags(Set.of(flags));
    }

    /** The flags of a flags field; empty when one of its letters is no flag. */
    public static Optional<CommandFlags> parse(String wire) {
        EnumSet<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
        for (int i = 0; i < wire.length(); i++) {
            Optional<CommandFlag> flag = CommandFlag.of(wire.substring(i, i + 1));
            if (flag.isEmpty()) {
                return Optional.empty();
            }
            flags.add(flag.get());
        }
        return Optional.of(new CommandFlags(flags));
    }

    public boolean has(CommandFlag flag) {
        return set.contains(flag);
    }

    /** As a hook sends it, in the definition's order. */
    public String wire() {
        return set.stream().sorted().map(CommandFlag::wire).collect(Collectors.joining());
    }
}
