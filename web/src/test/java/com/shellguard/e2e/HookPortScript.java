package com.shellguard.e2e;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A bash script the login runs from a hooked session's shell to speak to the hook's port as a hooked process does,
 * as any user of the session could write it: the session's directory found by its shell's pid (the script's parent),
 * the port and the key read from there. What the gateway hears from it is only a claim (README, the hook's witnesses).
 */
final class HookPortScript {

    /**
     * Sets {@code port}, {@code key} and {@code us} (the protocol's field separator) and defines
     * {@code hello_to_hook [LINE...]}: connects descriptor 3 to the port and writes, in one write, the hello of a bash
     * child of the session's shell and then each line.
     */
    private static final String PROLOGUE = """
            #!/bin/bash
            for d in /tmp/.shellguard-* "${XDG_RUNTIME_DIR:-/none}"/.shellguard-* "${TMPDIR:-/none}"/.shellguard-*; do
              [ -r "$d/shell.pid" ] && [ "$(cat "$d/shell.pid")" = "$PPID" ] && dir=$d
            done
            port=$(sed -n 's/^port=//p' "$dir/session")
            key=$(sed -n 's/^key=//p' "$dir/session")
            us=$'\\x1f'
            hello_to_hook() {
              exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
              local text line
              printf -v text 'H%s%s%s%s%s%s%s%s%s1%sbash/5.2%schild\\n' "$us" "$key" "$us" "$$" "$us" "$PPID" "$us" "$PPID" "$us" "$us" "$us"
              for line in "$@"; do text+=$line$'\\n'; done
              printf '%s' "$text" >&3
            }
            """;

    private HookPortScript() {
    }

    /** Writes the script, owned by the login: the prologue, then the body. */
    static void write(Path path, String body) throws IOException {
        TargetFiles.script(path, PROLOGUE + body);
    }
}
