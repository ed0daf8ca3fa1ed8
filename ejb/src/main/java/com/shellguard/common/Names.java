package com.shellguard.common;

import java.util.regex.Pattern;

/**
 * The rule for names that appear in SSH user names ({@code alice@root@web01}): users, logins, servers,
 * groups and labels. No {@code @}, no spaces, nothing a shell would interpret.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._+-]{0,127}");

    private Names() {
    }

    public static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + " is required");
        }
        if (!NAME.matcher(value).matches()) {
            throw new ValidationException(field + " \"" + value
                    + "\" may contain only letters, digits, '.', '_', '+' and '-' (at most 128, not starting with '+' or '-')");
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && NAME.matcher(value).matches();
    }
}
