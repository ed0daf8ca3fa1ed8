package com.shellguard.connector.adapter.transfer;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An exec request that is exactly a legacy scp sink or source ({@code scp [-rpdvq] -t|-f [--] PATH}, as an OpenSSH
 * client sends it with {@code scp -O}), which the gateway then serves itself; any other text, {@code scp x; bash}
 * included, is no transfer and runs as an ordinary, hooked exec. The path is taken as the target's shell would
 * take a plain word: unquoted without shell syntax, or in single quotes; {@code ~} and {@code ~/} name the login's
 * home. Source paths may hold the wildcards {@code *} and {@code ?}, which MINA's scp expands.
 *
 * @param command the invocation MINA's scp is given: its options and the path, unquoted, after {@code --}
 */
public record ScpInvocation(String command, boolean sink, String path) {

    private static final Pattern OPTION = Pattern.compile("-[rpdvqtf]+");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final Pattern PLAIN_SOURCE = Pattern.compile("[A-Za-z0-9_@%+=:,./*?-]+");
    private static final Pattern QUOTED = Pattern.compile("'[^'\\x00-\\x1f]+'");

    public static Optional<ScpInvocation> of(String exec) {
        String[] words = exec.split(" ", -1);
        if (!words[0].equals("scp")) {
            return Optional.empty();
        }
        StringBuilder flags = new StringBuilder();
        int i = 1;
        for (; i < words.length && words[i].startsWith("-"); i++) {
            if (words[i].equals("--")) {
                i++;
                break;
            }
            if (!OPTION.matcher(words[i]).matches()) {
                return Optional.empty();
            }
            for (char c : words[i].substring(1).toCharArray()) {
                if ("rpdtf".indexOf(c) >= 0 && flags.indexOf(String.valueOf(c)) < 0) {
                    flags.append(c);
                }
            }
        }
        boolean sink = flags.indexOf("t") >= 0;
        boolean source = flags.indexOf("f") >= 0;
        if (i >= words.length || sink == source) {
            return Optional.empty();
        }
        String word = String.join(" ", Arrays.copyOfRange(words, i, words.length));
        return path(word, source).map(p -> new ScpInvocation("scp -" + flags + " -- " + p, sink, p));
    }

    private static Optional<String> path(String word, boolean source) {
        String path;
        if (QUOTED.matcher(word).matches()) {
            path = word.substring(1, word.length() - 1);
        } else {
            path = word.equals("~") || word.equals("~/") ? "." : word.startsWith("~/") ? word.substring(2) : word;
            if (!(source ? PLAIN_SOURCE : PLAIN).matcher(path).matches()) {
                return Optional.empty();
            }
        }
        return path.startsWith("-") ? Optional.empty() : Optional.of(path);
    }
}
