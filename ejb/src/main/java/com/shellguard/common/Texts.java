package com.shellguard.common;

/**
 * Text from outside (messages, command lines) cut to the column it goes into. An audit row that does not
 * fit must still be written, shortened, never refused; NUL, which PostgreSQL refuses in text, is dropped.
 */
public final class Texts {

    private Texts() {
    }

    public static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.indexOf('\0') >= 0 ? text.replace("\0", "") : text;
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
