package com.shellguard.command.analysis;

import com.shellguard.connector.api.HookTables;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names the hook depends on. Changing, removing or shadowing any of them switches the hook off or blinds it:
 * it is loaded into new shells by {@code BASH_ENV}, {@code ENV} and {@code ZDOTDIR}; it learns of typed lines
 * through {@code PROMPT_COMMAND}, {@code PS0} and the history ({@code HIST*}, {@code HISTSIZE} too small to hold them);
 * {@code EPOCHSECONDS} and {@code EPOCHREALTIME} are read in the trap's arithmetic, where a value the user assigned would
 * be evaluated as code; {@code POSIXLY_CORRECT} and
 * {@code BASH_ALIASES} change how bash reads what the hook sees; every variable and function of its own starts
 * with {@code __sg_} (the start script's {@code __SG_} ones too); zsh runs its trap as {@code TRAPDEBUG}; and
 * its stand-ins {@code bash}, {@code sh} and {@code dash} start hooked shells. Variables such as {@code PATH} or
 * {@code HOME} are the user's business. The names are the hooks' own tables (scripts/target/protocol/protocol.def,
 * generated into {@link HookTables}), so the gateway protects exactly what the hooks rely on.
 */
final class HookNames {

    private static final Set<String> VARIABLES = HookTables.VARIABLE;
    private static final Set<String> LOADERS = HookTables.LOADER;
    private static final Set<String> STAND_INS = HookTables.STAND_IN;
    private static final String ZSH_TRAP = "TRAPDEBUG";
    private static final String PREFIX = "__sg_";
    private static final Set<String> RELIED_ON = HookTables.RELIED_ON;
    /**
     * A history size the typed lines survive: the hook reads them from bash's history, which {@code HISTSIZE=0}
     * empties; a literal size of 100 or more, or a negative one (no limit), changes nothing it relies on.
     */
    private static final Pattern KEEPS_TYPED_LINES = Pattern.compile("HISTSIZE=(-[0-9]+|[1-9][0-9]{2,})");
    /** Every name, and one of the hook's own, to test a pattern ({@code unset -m 'HIST*'}) against. */
    private static final List<String> SAMPLES = Stream.of(VARIABLES.stream(), STAND_INS.stream(), Stream.of(PREFIX + "t", ZSH_TRAP))
        .flatMap(names -> names).toList();

    private HookNames() {
    }

    /**
     * Whether an operand ({@code NAME}, {@code NAME=value}, {@code NAME+=value}, {@code NAME[i]}) names a variable
     * the hook relies on. zsh's {@code functions[NAME]} counts when NAME is one of the hook's functions.
     */
    static boolean isHookVariable(String operand) {
        String name = Assignments.variable(operand);
        if (name.equals("functions")) {
            return isHookFunction(Assignments.subscript(operand));
        }
        if (KEEPS_TYPED_LINES.matcher(operand).matches()) {
            return false;
        }
        return VARIABLES.contains(name) || hasHookPrefix(name);
    }

    /** The hook's variables by name (its own {@code __sg_} ones aside). */
    static Set<String> variables() {
        return VARIABLES;
    }

    /** The variables that make a new shell load the hook. */
    static boolean loadsHook(String name) {
        return LOADERS.contains(name);
    }

    /** The hook's functions: its own, its zsh trap, and its stand-ins for bash, sh and dash. */
    static boolean isHookFunction(String name) {
        return hasHookPrefix(name) || name.equals(ZSH_TRAP) || STAND_INS.contains(name);
    }

    static boolean isStandIn(String name) {
        return STAND_INS.contains(name);
    }

    /** Names a function or alias must not take: the hook would call the user's code, or lose its own. */
    static boolean mayNotBeShadowed(String name) {
        return RELIED_ON.contains(name) || isHookFunction(name);
    }

    /** Whether a glob pattern ({@code *}, {@code ?}, {@code [...]}) could match one of the hook's names (zsh's {@code unset -m}). */
    static boolean patternMatchesHookName(String pattern) {
        if (pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
            return false;
        }
        Pattern regex = globToRegex(pattern);
        return SAMPLES.stream().anyMatch(sample -> regex.matcher(sample).matches());
    }

    private static boolean hasHookPrefix(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** Bracket expressions are read as any one character: "could match" may say yes too often, never too rarely. */
    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                regex.append('.');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
