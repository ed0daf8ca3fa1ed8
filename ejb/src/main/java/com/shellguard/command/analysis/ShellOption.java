package com.shellguard.command.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A shell option being switched, as bash ({@code set -o functrace}) and zsh ({@code setopt NO_DEBUG_BEFORE_CMD},
 * {@code unsetopt debugbeforecmd}) spell it, and what switching it does to the hook. zsh ignores case and
 * underscores and reads a {@code no} prefix as the opposite; bash names are plain lower case, so reading both
 * the zsh way loses nothing.
 *
 * @param name the option's name, lower case, without underscores or a {@code no} prefix
 * @param on   whether it is switched on
 */
record ShellOption(String name, boolean on) {

    /** What switching an option off breaks. */
    private static final Map<String, String> NEEDED_ON = Map.of(
        "functrace", "switches off functrace, which carries the hook's DEBUG trap into functions and subshells",
        "history", "switches off the history the hook reads typed lines from",
        "debugbeforecmd", "switches off DEBUG_BEFORE_CMD, so zsh's DEBUG trap would only run after each command");

    /** What switching an option on breaks. */
    private static final Map<String, String> NEEDED_OFF = Map.of(
        "posix", "switches on POSIX mode, in which bash no longer loads the hook into the shells it starts",
        "histignorespace", "keeps lines typed with a leading space out of the history the hook reports from",
        "histnostore", "keeps lines out of the history the hook reports from");

    /** Names whose {@code no} prefix means "off": every option above, and those that keep shells from loading the hook. */
    private static final Set<String> KNOWN = Stream.of(NEEDED_ON.keySet().stream(), NEEDED_OFF.keySet().stream(),
        Stream.of("rcs", "globalrcs", "privileged")).flatMap(names -> names).collect(Collectors.toUnmodifiableSet());

    static ShellOption of(String spelled, boolean on) {
        String name = spelled.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (name.startsWith("no") && KNOWN.contains(name.substring(2))) {
            return new ShellOption(name.substring(2), !on);
        }
        return new ShellOption(name, on);
    }

    /** Why this change switches the hook off, or empty when it leaves the hook alone. */
    Optional<String> harm() {
        return Optional.ofNullable(on ? NEEDED_OFF.get(name) : NEEDED_ON.get(name));
    }
}
