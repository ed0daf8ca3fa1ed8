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
 * <p>Status line: {@code SHELLGUARD-HOOK ok DIR SHELL PATH} or {@code SHELLGUARD-HOOK unavailable REASON}.
 */
final class InstallerScript {

    static final String STATUS = "SHELLGUARD-HOOK";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallerScript() {
    }

    /** @param command the exec session's command, or null for a shell session */
    static String build(Map<String, String> files, int port, String key, String command) {
        String eof = uniqueTerminator(files, command);
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
                echo "%2$s ok $sg_dir $sg_shell $sg_bin"
                """.formatted(port, STATUS));
        return s.toString();
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
