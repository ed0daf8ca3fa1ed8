package com.shellguard.command.rule;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shell globs as bash matches them in {@code [[ word == pattern ]]}, which is what the hook does with the same
 * patterns: {@code *} any characters ({@code /} included), {@code ?} one character, {@code [...]} a set
 * ({@code [!...]} or {@code [^...]} its complement, ranges, POSIX classes like {@code [[:digit:]]}), and
 * {@code \} quoting the next character. Translated once to a {@link Pattern} so matching costs no parsing.
 */
public final class Glob {

    private static final String REGEX_SPECIAL = "\\.[]{}()<>*+-=!?^$|&";
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "\\p{XDigit}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("word", "\\w"));

    private Glob() {
    }

    /** True when {@code text} uses any glob syntax, i.e. is not just a name. */
    public static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
    }

    /**
     * @throws IllegalArgumentException naming what is wrong (an unclosed {@code [}, a reversed range, an unknown class)
     */
    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder(glob.length() + 8);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '\\' -> literal(regex, i + 1 < glob.length() ? glob.charAt(++i) : '\\');
                case '[' -> i = bracket(glob, i, regex);
                default -> literal(regex, c);
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Appends the set starting at {@code open} and returns the index of its closing {@code ]}. */
    private static int bracket(String glob, int open, StringBuilder regex) {
        int i = open + 1;
        StringBuilder set = new StringBuilder("[");
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            set.append('^');
            i++;
        }
        boolean first = true;
        for (; i < glob.length(); i++, first = false) {
            char c = glob.charAt(i);
            if (c == ']' && !first) {
                regex.append(set).append(']');
                return i;
            }
            if (c == '[' && glob.startsWith("[:", i)) {
                int end = glob.indexOf(":]", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed character class at " + i);
                }
                String name = glob.substring(i + 2, end);
                String cls = CLASSES.get(name);
                if (cls == null) {
                    throw new IllegalArgumentException("unknown character class [:" + name + ":]");
                }
                set.append(cls);
                i = end + 1;
                continue;
            }
            if (c == '\\' && i + 1 < glob.length()) {
                c = glob.charAt(++i);
            }
            if (i + 2 < glob.length() && glob.charAt(i + 1) == '-' && glob.charAt(i + 2) != ']') {
                char to = glob.charAt(i + 2);
                if (to < c) {
                    throw new IllegalArgumentException("reversed range " + c + "-" + to);
                }
                literal(set, c);
                set.append('-');
                literal(set, to);
                i += 2;
            } else {
                literal(set, c);
            }
        }
        throw new IllegalArgumentException("unclosed [ at " + open);
    }

    private static void literal(StringBuilder regex, char c) {
        if (REGEX_SPECIAL.indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.append(c);
    }
}
