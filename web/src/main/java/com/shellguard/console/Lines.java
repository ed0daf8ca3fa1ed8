package com.shellguard.console;

import java.util.Arrays;
import java.util.List;

/** What a person types into a many-lines field, one value a line; blank lines do not count. */
public final class Lines {

    private Lines() {
    }

    public static List<String> of(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static String join(List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }
}
