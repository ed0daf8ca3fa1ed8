package com.shellguard.command.analysis;

import java.util.List;

/**
 * A builtin's arguments as bash's builtins read them: leading {@code -abc} and {@code +abc} words are option
 * letters, {@code --} ends them, and the rest are operands. Shared by the rules on unset, declare, enable and
 * alias, which all read their arguments this way. The rules only ever ask which letters were switched on:
 * {@code +x} on a name the hook relies on is as bad as {@code -x}.
 *
 * @param on       the letters given with {@code -}
 * @param operands what follows the options
 */
record BuiltinArguments(String on, List<String> operands) {

    BuiltinArguments {
        operands = List.copyOf(operands);
    }

    static BuiltinArguments of(List<String> args) {
        StringBuilder on = new StringBuilder();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-' && arg.charAt(0) != '+') {
                break;
            }
            if (arg.charAt(0) == '-') {
                on.append(arg.substring(1));
            }
            i++;
        }
        return new BuiltinArguments(on.toString(), args.subList(i, args.size()));
    }

    boolean has(char letter) {
        return on.indexOf(letter) >= 0;
    }

    boolean hasAny(String letters) {
        return letters.chars().anyMatch(letter -> on.indexOf(letter) >= 0);
    }
}
