package com.shellguard.command.analysis;

/**
 * The backslash escapes of bash's {@code $'...'} quoting. They matter because {@code $'\x72m'} is a way to
 * write {@code rm} that no plain text search would recognise.
 */
final class AnsiCEscape {

    private AnsiCEscape() {
    }

    /**
     * Decodes the escape starting at {@code text[at]} (a backslash followed by at least one character) into
     * {@code out}, and returns the index after it.
     */
    static int decode(String text, int at, StringBuilder out) {
        char c = text.charAt(at + 1);
        int next = at + 2;
        switch (c) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'e', 'E' -> out.append('\u001b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case '\\', '\'', '"', '?' -> out.append(c);
            case 'c' -> {
                if (next < text.length()) {
                    out.append((char) (text.charAt(next) & 0x1f));
                    next++;
                }
            }
            case 'x' -> next = number(text, next, 16, 2, out, "\\x");
            case 'u' -> next = number(text, next, 16, 4, out, "\\u");
            case 'U' -> next = number(text, next, 16, 8, out, "\\U");
            default -> {
                if (c >= '0' && c <= '7') {
                    next = number(text, at + 1, 8, 3, out, "\\");
                } else {
                    out.append('\\').append(c);
                }
            }
        }
        return next;
    }

    /** Up to {@code maxDigits} digits in {@code radix}; with none, the escape stays as written. */
    private static int number(String text, int from, int radix, int maxDigits, StringBuilder out, String escape) {
        int end = from;
        int codePoint = 0;
        while (end < text.length() && end - from < maxDigits && Character.digit(text.charAt(end), radix) >= 0) {
            codePoint = codePoint * radix + Character.digit(text.charAt(end), radix);
            end++;
        }
        if (end == from) {
            out.append(escape);
        } else if (Character.isValidCodePoint(codePoint)) {
            out.appendCodePoint(codePoint);
        }
        return end;
    }
}
