package com.shellguard.command.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell's spelling of a variable assignment: {@code NAME=value}, {@code NAME+=value}, {@code NAME[i]=value}.
 * Shared by every place that has to tell an assignment from a command word or find the variable it sets.
 */
final class Assignments {

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(\\[[^\\]]*\\])?\\+?=.*", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(\\[([^\\]]*)\\])?.*", Pattern.DOTALL);

    private Assignments() {
    }

    static boolean isAssignment(String word) {
        return ASSIGNMENT.matcher(word).matches();
    }

    /** The variable an assignment or a name operand ({@code NAME}, {@code NAME[i]}, {@code NAME=v}) refers to; "" if none. */
    static String variable(String operand) {
        Matcher matcher = NAME.matcher(operand);
        return matcher.matches() ? matcher.group(1) : "";
    }

    /** What an assignment sets, as written: {@code NAME} or {@code NAME[i]}, without the value. */
    static String target(String assignment) {
        int equals = assignment.indexOf('=');
        String target = equals < 0 ? assignment : assignment.substring(0, equals);
        return target.endsWith("+") ? target.substring(0, target.length() - 1) : target;
    }

    /** The subscript of {@code NAME[subscript]...}, without quotes; "" if none. */
    static String subscript(String operand) {
        Matcher matcher = NAME.matcher(operand);
        return matcher.matches() && matcher.group(3) != null ? matcher.group(3).replaceAll("[\"']", "") : "";
    }
}
