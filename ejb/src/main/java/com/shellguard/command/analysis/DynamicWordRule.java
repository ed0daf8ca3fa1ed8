package com.shellguard.command.analysis;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command word only known when it runs ({@code $x - DEBUG} with {@code x=trap}) cannot be judged by name, so its
 * arguments are: mentioning the DEBUG trap, functrace, extdebug, POSIX mode, a {@code +T} flag or a name the hook
 * relies on is enough to call it tamper.
 */
final class DynamicWordRule implements TamperRule {

    private static final Pattern MENTIONS = Pattern.compile("(?i:debug|functrace|posix|__sg_)"
        + "|(?<![A-Za-z0-9_])(" + String.join("|", HookNames.variables()) + ")(?![A-Za-z0-9_])"
        + "|(?<!\\S)\\+[A-Za-z]*T");

    @Override
    public Optional<String> check(Launch launch) {
        if (!launch.dynamicWord() || !MENTIONS.matcher(launch.text()).find()) {
            return Optional.empty();
        }
        return TamperRule.tamper(launch, "runs a command only known when it runs, with arguments that touch the hook");
    }
}
