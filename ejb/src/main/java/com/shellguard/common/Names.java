package com.shellguard.common;

import java.util.regex.Pattern;

/**
 * The rules for names that appear in SSH user names ({@code alice@root@web01}): users, logins, servers,
 * groups and labels. None may contain {@code @}, a space or anything a shell would interpret, or start with
 * {@code -} (it would read as an option). User names are stricter still, lower case only, so that
 * {@code Alice} and {@code alice} can never be two people.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._+-]{0,127}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._][a-z0-9._-]{0,127}");

    private Names() {
    }

    public static String require(String field, String value) {
        return check(field, value, NAME, "letters, digits, '.', '_', '+' and '-' (at most 128, not starting with '+' or '-')");
    }

    public static String requireUsername(String field, String value) {
        return check(field, value, USERNAME, "lower-case letters, digits, '.', '_' and '-' (at most 128, not starting with '-')");
    }

    private static String check(String field, String value, Pattern rule, String allowed) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + " is required");
        }
        if (!rule.matcher(value).matches()) {
            throw new ValidationException(field + " \"" + value + "\" may contain only " + allowed);
        }
        return value;
    }
}
