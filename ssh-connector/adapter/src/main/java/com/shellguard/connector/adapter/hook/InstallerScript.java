package com.shellguard.connector.adapter.hook;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The POSIX sh program the gateway feeds to {@code /bin/sh -s} on the target before a hooked session starts:
 * it removes what earlier sessions left behind, creates the session's private directory (mode 0700), writes
 * the hook's files, the session's port and secret into it, picks the shell to start and prints one status
 * line. Everything travels on the channel's input, so the secret never appears on a command line (where
 * {@code ps} and process accounting would show it).
 *
 * <p>The exec guard (a preload library, one per architecture) is written as {@code guard.so} for the target's
 * architecture and probed: a program started with it must print the library's ready line, which fails for
 * statically linked programs, another architecture or a temporary directory mounted noexec. A guard that
 * does not load is removed again, and the hooks then arm without it.
 *
 * <p>The bash hook's lane (scripts/target/bash/lane.c, a bash loadable builtin that does the hook's common case in
 * C) is written as {@code lane.so} the same way and kept only where a bash 5 there loads it; without it the
 * hook does the same work in shell language, more slowly.
 *
 * <p>Status lines: {@code SHELLGUARD-GUARD ok} or {@code SHELLGUARD-GUARD unavailable REASON}, then
 * {@code SHELLGUARD-LANE ok} or {@code SHELLGUARD-LANE unavailable REASON}, then
 * {@code SHELLGUARD-HOOK ok DIR SHELL PATH} or {@code SHELLGUARD-HOOK unavailable REASON}.
 */
final class InstallerScript {

    static final String STATUS = "SHELLGUARD-HOOK";
    static final String GUARD_STATUS = "SHELLGUARD-GUARD";
    static final String LANE_STATUS = "SHELLGUARD-LANE";
    /** What the guard prints when it is loaded with the probe variable set (scripts/target/guard/shellguard-guard.c). */
    private static final String GUARD_READY = "shellguard-guard ready";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallerScript() {
    }

    /** An installer without the exec guard. */
    static String build(Map<String, String> files, int port, String key, String command) {
        return build(files, Map.of(), port, key, command);
    }

    /** An installer without the bash hook's lane. */
    static String build(Map<String, String> files, Map<String, byte[]> guards, int port, String key, String command) {
        return build(files, guards, Map.of(), port, key, command);
    }

    /**
     * @param guards  the exec guard's library per architecture ({@code uname -m}); none: the guard is unavailable
     * @param lanes   the bash hook's lane per architecture; none: hooked bash shells run without it
     * @param command the exec session's command, or null for a shell session
     */
    static String build(Map<String, String> files, Map<String, byte[]> guards, Map<String, byte[]> lanes, int port,
            String key, String command) {
        Map<String, String> encoded = base64(guards);
        Map<String, String> encodedLanes = base64(lanes);
        Map<String, String> everything = new java.util.HashMap<>(files);
        encoded.forEach((arch, text) -> everything.put("guard-" + arch, text));
        encodedLanes.forEach((arch, text) -> everything.put("lane-" + arch, text));
        String eof = uniqueTerminator(everything, command);
        StringBuilder s = new StringBuilder();
        s.append("""
                umask 077
                sg_fail() { echo "%1$s unavailable $*"; exit 0; }
                sg_base=
                for sg_b in "${XDG_RUNTIME_DIR:-}" "${TMPDIR:-}" /tmp /var/tmp "$HOME"; do
                  if [ -n "$sg_b" ] && [ -d "$sg_b" ] && [ -w "$sg_b" ]; then sg_base=$sg_b; break; fi
                done
                [ -n "$sg_base" ] || sg_fail "no writable directory for the hook's files"
                # directories of earlier sessions of this account whose shell is gone (a dropped connection)
                for sg_d in "$sg_base"/.shellguard-*; do
                  [ -d "$sg_d" ] && [ -O "$sg_d" ] || continue
                  if [ -f "$sg_d/shell.pid" ]; then
                    kill -0 "$(cat "$sg_d/shell.pid" 2>/dev/null)" 2>/dev/null && continue
                  elif [ -n "$(find "$sg_d" -maxdepth 0 -mmin -2 2>/dev/null)" ]; then
                    continue
                  fi
                  rm -rf "$sg_d"
                done
                sg_dir=$(mktemp -d "$sg_base/.shellguard-XXXXXXXXXX" 2>/dev/null) \\
                  || sg_fail "cannot create a private directory in $sg_base"
                mkdir "$sg_dir/zdot" || sg_fail "cannot write to $sg_dir"
                """.formatted(STATUS));
        file(s, "session", "port=" + port + "\nkey=" + key + "\n", eof);
        files.forEach((name, content) -> file(s, name, content, eof));
        if (command != null) {
            file(s, "command", command, eof);
        }
        s.append("sg_arch=$(uname -m 2>/dev/null)   # which of the native libraries this machine takes\n");
        guard(s, encoded, eof);
        s.append("""
                sg_login=${SHELL##*/}
                case $sg_login in
                  zsh)
                    sg_shell=zsh sg_bin=$(command -v zsh 2>/dev/null)
                    [ -n "$sg_bin" ] || sg_fail "the login shell zsh is not on the PATH"
                    [ -f "$sg_dir/hook.zsh" ] || sg_fail "this gateway has no hook for zsh"
                    "$sg_bin" -fc 'zmodload zsh/net/tcp && zmodload zsh/system' 2>/dev/null \\
                      || sg_fail "zsh lacks the zsh/net/tcp module the hook needs" ;;
                  bash|sh|dash|ash|ksh|mksh|posh|yash|ksh93|lksh)
                    sg_shell=bash sg_bin=$(command -v bash 2>/dev/null)
                    [ -n "$sg_bin" ] || sg_fail "bash is not installed, and the login shell $SHELL cannot be hooked" ;;
                  *)
                    sg_fail "the login shell ${SHELL:-(none)} is not one the hook supports (bash, zsh, or a POSIX sh with bash installed)" ;;
                esac
                if [ "$sg_shell" = bash ]; then
                  "$sg_bin" -c '[ "${BASH_VERSINFO[0]}" -ge 5 ] && exec 3<>/dev/tcp/127.0.0.1/%1$d' 2>/dev/null \\
                    || sg_fail "the hook needs bash 5 with /dev/tcp ($("$sg_bin" -c 'echo $BASH_VERSION' 2>/dev/null))"
                fi
                """.formatted(port));
        lane(s, encodedLanes, eof);
        s.append("echo \"%s ok $sg_dir $sg_shell $sg_bin\"\n".formatted(STATUS));
        return s.toString();
    }

    private static Map<String, String> base64(Map<String, byte[]> libraries) {
        Map<String, String> encoded = new java.util.LinkedHashMap<>();
        libraries.forEach((arch, library) -> encoded.put(arch, java.util.Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(library)));
        return encoded;
    }

    /** Writes FILE for this machine's architecture from the libraries given; sg_nolib says why not. */
    private static void library(StringBuilder s, Map<String, String> encoded, String file, String what, String eof) {
        s.append("sg_nolib=\"this gateway has no ").append(what).append(" for ${sg_arch:-this architecture}\"\n");
        s.append("case $sg_arch in\n");
        encoded.forEach((arch, text) -> {
            s.append("  ").append(arch).append(")\n");
            s.append("    if command -v base64 >/dev/null 2>&1; then\n");
            s.append("      sg_nolib=; base64 -d > \"$sg_dir/").append(file).append("\" <<'").append(eof)
                    .append("' || sg_nolib=\"cannot write the ").append(what).append("\"\n")
                    .append(text).append('\n').append(eof).append('\n');
            s.append("    else sg_nolib=\"base64 is not installed\"; fi ;;\n");
        });
        s.append("  *) ;;\nesac\n");
    }

    /**
     * Writes lane.so, the bash hook's lane (scripts/target/bash/lane.c), and keeps it only when a bash 5 here loads it
     * and reads its variable: it reaches into bash's own data, so a bash it does not fit must never see it.
     * Status line: {@code SHELLGUARD-LANE ok} or {@code SHELLGUARD-LANE unavailable REASON}.
     */
    private static void lane(StringBuilder s, Map<String, String> encoded, String eof) {
        library(s, encoded, "lane.so", "bash hook lane", eof);
        s.append("""
                sg_lane_bash=$(command -v bash 2>/dev/null)
                if [ -z "$sg_nolib" ] && [ -n "$sg_lane_bash" ] \\
                   && "$sg_lane_bash" -c '[ "${BASH_VERSINFO[0]}" = 5 ] && enable -f "$1" __sg_lane && [ "$__sg_lane_go" = 0 ]' \\
                      sg "$sg_dir/lane.so" >/dev/null 2>&1; then
                  echo "%1$s ok"
                else
                  rm -f "$sg_dir/lane.so"
                  echo "%1$s unavailable ${sg_nolib:-no bash 5 here loads it}"
                fi
                """.formatted(LANE_STATUS));
    }

    /** Writes guard.so for this machine's architecture and keeps it only when a program here loads it. */
    private static void guard(StringBuilder s, Map<String, String> encoded, String eof) {
        library(s, encoded, "guard.so", "exec guard", eof);
        s.append("""
                sg_guard=$sg_nolib
                if [ -z "$sg_guard" ] && [ -s "$sg_dir/guard.so" ]; then
                  sg_probe=$(__SG_GUARD_PROBE=1 LD_PRELOAD="$sg_dir/guard.so" /bin/true 2>&1 | head -n 3 | tr '\n' ' ')
                  if [ "$sg_probe" = "%1$s " ]; then
                    sg_guard=
                  else
                    rm -f "$sg_dir/guard.so"
                    sg_guard="the exec guard does not load here (static programs, noexec $sg_base?): ${sg_probe:-no answer from /bin/true}"
                  fi
                else
                  rm -f "$sg_dir/guard.so"
                  sg_guard=${sg_guard:-"the exec guard could not be written"}
                fi
                if [ -z "$sg_guard" ]; then echo "%2$s ok"; else echo "%2$s unavailable $sg_guard"; fi
                """.formatted(GUARD_READY, GUARD_STATUS));
    }

    private static void file(StringBuilder s, String name, String content, String eof) {
        s.append("cat > \"$sg_dir/").append(name).append("\" <<'").append(eof).append("' || sg_fail \"cannot write ")
                .append(name).append("\"\n").append(content);
        if (!content.endsWith("\n")) {
            s.append('\n');
        }
        s.append(eof).append('\n');
    }

    /** A here-document terminator that no line of the files or the command can end early. */
    private static String uniqueTerminator(Map<String, String> files, String command) {
        while (true) {
            byte[] b = new byte[12];
            RANDOM.nextBytes(b);
            String eof = "SG_EOF_" + HexFormat.of().formatHex(b);
            boolean clash = files.values().stream().anyMatch(c -> c.contains(eof)) || (command != null && command.contains(eof));
            if (!clash) {
                return eof;
            }
        }
    }
}
