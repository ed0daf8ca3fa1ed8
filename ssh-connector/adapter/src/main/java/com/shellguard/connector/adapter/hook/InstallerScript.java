package com.shellguard.connector.adapter.hook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

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
 * {@code SHELLGUARD-HOOK ok DIR SHELL PATH} or {@code SHELLGUARD-HOOK unavailable REASON}.
 */
final class InstallerScript {

    static final String STATUS = "SHELLGUARD-HOOK";
    static final String GUARD_STATUS = "SHELLGUARD-GUARD";
    static final String LANE_STATUS = "SHELLGUARD-LANE";
    static final String SUPERVISOR_STATUS = "SHELLGUARD-SUPERVISOR";
    /** The target's key for its native parts ({@code uname -m}, {@code -musl} after it on a musl machine). */
    static final String MACHINE_STATUS = "SHELLGUARD-MACHINE";
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
        StringBuilder s = new StringBuilder();
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
