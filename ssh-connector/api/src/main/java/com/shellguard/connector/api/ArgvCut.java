package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark the exec guard and the supervisor end a program start's command text with when they could not send all of
 * it (PROTOCOL.md, "Long command lines"): the text keeps the arguments that fit a hook message ({@link
 * HookLimits#MESSAGE}, or the memory the layer had) and ends with {@code [cut by the supervisor: N arguments, M bytes in
 * all]}, N and M counting the whole argv (M with each argument's terminating NUL, as the kernel counts). No argument can
 * produce the mark: the layers quote an argument with a blank or a bracket ({@code '[cut'}). Only a program start's
 * text carries it; a shell hook's text ending so is the user's own words.
 *
 * @param layer     who cut it: {@code the exec guard} or {@code the supervisor}
 * @param arguments how many arguments the start had
 * @param bytes     how many bytes they held
 */
public record ArgvCut(String layer, long arguments, long bytes) implements Serializable {

    /** The rule name of a refusal because a rule could concern what the cut left out (the gateway's, no stored rule's). */
    public static final String RULE = "command-too-long";

    private static final String START = "[cut by ";
    private static final Pattern MARK = Pattern.compile(
            "\\[cut by (the exec guard|the supervisor): ([0-9]{1,18}) arguments, ([0-9]{1,18}) bytes in all\\]");

    /** The mark at the end of a program start's text; empty when the text is whole. */
    public static Optional<ArgvCut> in(String text) {
        if (text == null || !text.endsWith(" bytes in all]")) {
            return Optional.empty();
        }
        int at = text.lastIndexOf(START);
        if (at < 0 || (at > 0 && text.charAt(at - 1) != ' ')) {
            return Optional.empty();
        }
        Matcher m = MARK.matcher(text.substring(at));
        return m.matches() ? Optional.of(new ArgvCut(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))))
                : Optional.empty();
    }

    /** As a reason says it. */
    public String describe() {
        return layer + " could send only part of this program start's command line (" + arguments + " arguments, "
                + bytes + " bytes in all)";
    }
}
