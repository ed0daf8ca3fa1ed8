package com.shellguard.connector.adapter.hook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway feeds to {@code /bin/sh -s} on the target before a hooked session starts: the installer
 * (scripts/target/install/install.sh, which says what it does, its inputs, status lines and limits) after this
 * session's parameters, as shell assignments and positional parameters, each value single-quoted. The hook's
 * files and native libraries travel as parameters too, so installing stays one round trip, and the secret stays
 * off every command line.
 *
 * <p>Status lines: {@code SHELLGUARD-GUARD ok} or {@code SHELLGUARD-GUARD unavailable REASON}, then
 * {@code SHELLGUARD-LANE ok} or {@code SHELLGUARD-LANE unavailable REASON}, then
 * {@code SHELLGUARD-SUPERVISOR ok TIER} (TIER {@code same-account} or {@code privileged}) or
 * {@code SHELLGUARD-SUPERVISOR unavailable REASON} or, when asked for none, {@code SHELLGUARD-SUPERVISOR off}, then
 * {@code SHELLGUARD-HOOK ok DIR SHELL PATH} or {@code SHELLGUARD-HOOK unavailable REASON}. Before all of them, when
 * asked for: the login's startup files, {@code SHELLGUARD-STARTUP PATH STATE} each, STATE their SHA-256 in hex,
 * {@code absent} or {@code unreadable: REASON}, read before the installer writes anything.
 */
final class InstallerScript {

    static final String STATUS = "SHELLGUARD-HOOK";
    static final String GUARD_STATUS = "SHELLGUARD-GUARD";
    static final String LANE_STATUS = "SHELLGUARD-LANE";
    static final String SUPERVISOR_STATUS = "SHELLGUARD-SUPERVISOR";
    /** The target's key for its native parts ({@code uname -m}, {@code -musl} after it on a musl machine). */
    static final String MACHINE_STATUS = "SHELLGUARD-MACHINE";
    /** One line per startup file asked for: {@code SHELLGUARD-STARTUP PATH STATE}, first of all. */
    static final String STARTUP_STATUS = "SHELLGUARD-STARTUP";
    /** Instead of those lines where they cannot be hashed on the target: {@code SHELLGUARD-STARTUP-UNAVAILABLE REASON}. */
    static final String STARTUP_UNAVAILABLE = "SHELLGUARD-STARTUP-UNAVAILABLE";
    private static final java.util.regex.Pattern STARTUP_LINE = java.util.regex.Pattern.compile(
            "SHELLGUARD-STARTUP (\\S+) ([0-9a-f]{64}|absent|unreadable: .*)");
    private static final java.util.regex.Pattern STARTUP_PATH = java.util.regex.Pattern.compile("[A-Za-z0-9._/-]+");
    /**
     * Each native part's base64 text, made once: a session's installer carried about a megabyte of them, encoded
     * anew for every session set-up. Keyed by the array itself (the gateway loads each part once).
     */
    private static final Map<byte[], String> ENCODED = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private static final String RESOURCE = "/shellguard/install/install.sh";
    private static final String SCRIPT = load();

    private InstallerScript() {
    }

    /** An installer without the exec guard, the bash hook's lane and the supervisor. */
    static String build(Map<String, String> files, int port, String key, String command) {
        return build(files, new Natives(Map.of(), Map.of(), Map.of()), port, key, command, null, true);
    }

    /** The native parts per architecture ({@code uname -m}); a missing architecture makes that part unavailable. */
    record Natives(Map<String, byte[]> guards, Map<String, byte[]> lanes, Map<String, byte[]> supervisors) {

        /**
         * Only the parts a machine whose installer reported {@code machine} (see {@link #MACHINE_STATUS}) takes: its
         * guard (musl or not) and its architecture's lane and supervisor.
         */
        Natives forMachine(String machine) {
            String arch = machine.endsWith("-musl") ? machine.substring(0, machine.length() - "-musl".length()) : machine;
            return new Natives(only(guards, machine), only(lanes, arch), only(supervisors, arch));
        }

        private static Map<String, byte[]> only(Map<String, byte[]> parts, String key) {
            byte[] part = parts.get(key);
            return part == null ? Map.of() : Map.of(key, part);
        }
    }

    /**
     * @param files   the hook's files by their path in the session directory
     * @param natives the exec guard, the bash hook's lane and the supervisor, per architecture
     * @param command the exec session's command, or null for a shell session
     * @param asLogin for the privileged tier (the installer runs as root): the login the session is for; null for the
     *                same-account tier
     * @param supervisor false: the session's shell starts without the supervisor ({@code sg_supervisor=off})
     */
    static String build(Map<String, String> files, Natives natives, int port, String key, String command, String asLogin,
            boolean supervisor) {
        return build(files, natives, port, key, command, asLogin, supervisor, List.of());
    }

    /**
     * @param startupFiles the login's startup and key files the installer hashes first of all (paths relative to the
     *                     login's home, of letters, digits, {@code . _ / -} only), each reported on a
     *                     {@link #STARTUP_STATUS} line; none: no such lines
     */
    static String build(Map<String, String> files, Natives natives, int port, String key, String command, String asLogin,
            boolean supervisor, List<String> startupFiles) {
        StringBuilder s = new StringBuilder();
        if (!startupFiles.isEmpty()) {
            startupFiles.stream().filter(f -> !STARTUP_PATH.matcher(f).matches()).findFirst().ifPresent(f -> {
                throw new IllegalArgumentException("not a startup file path the installer takes: " + f);
            });
            s.append("sg_startup=").append(quoted(String.join(" ", startupFiles))).append('\n');
        }
        s.append("sg_port=").append(port).append('\n');
        if (!supervisor) {
            s.append("sg_supervisor=off\n");
        }
        s.append("sg_key=").append(quoted(key)).append('\n');
        if (asLogin != null) {
            s.append("sg_as_login=").append(quoted(asLogin)).append('\n');
        }
        s.append("set --");
        files.forEach((name, content) -> parameter(s, "file", name, content));
        if (command != null) {
            parameter(s, "file", "command", command);
        }
        natives.guards().forEach((arch, library) -> parameter(s, "guard", arch, base64(library)));
        natives.lanes().forEach((arch, library) -> parameter(s, "lane", arch, base64(library)));
        natives.supervisors().forEach((arch, program) -> parameter(s, "supervisor", arch, base64(program)));
        return s.append('\n').append(SCRIPT).toString();
    }

    /**
     * The state of each startup file the installer was asked for (see {@link #build}), by path, from its output; empty
     * when it did not report every one of them (it could not hash them there, or it did not run), with nothing
     * left out: the caller then reads them another way.
     */
    static Optional<Map<String, String>> startupFiles(List<String> output, List<String> asked) {
        Map<String, String> states = new LinkedHashMap<>();
        for (String line : output) {
            java.util.regex.Matcher m = STARTUP_LINE.matcher(line.trim());
            if (m.matches() && asked.contains(m.group(1))) {
                String state = m.group(2);
                states.putIfAbsent(m.group(1), state.length() > 200 ? state.substring(0, 200) : state);
            }
        }
        return states.keySet().containsAll(asked) ? Optional.of(states) : Optional.empty();
    }

    /** One KIND NAME CONTENT triple of the installer's positional parameters, on a line of its own. */
    private static void parameter(StringBuilder s, String kind, String name, String content) {
        s.append(" \\\n  ").append(kind).append(' ').append(quoted(name)).append(' ').append(quoted(content));
    }

    /** The text as one shell word, taken literally: in single quotes, each single quote as {@code '\''}. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String base64(byte[] library) {
        return ENCODED.computeIfAbsent(library, l -> Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(l));
    }

    private static String load() {
        try (InputStream in = InstallerScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the connector was built without the hook installer (scripts/target/install)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hook installer from the connector", e);
        }
    }
}
