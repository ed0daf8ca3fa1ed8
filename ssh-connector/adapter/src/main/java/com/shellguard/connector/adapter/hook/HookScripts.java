package com.shellguard.connector.adapter.hook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hook's files as the build packaged them (from scripts/target into the adapter jar), read once. Paths
 * are relative to the session's private directory on the target.
 */
final class HookScripts {

    private static final String BASE = "/shellguard/hook/";
    /** Every file a session may need; the zsh ones only matter for zsh users but cost little to send. */
    private static final List<String> FILES = List.of("hook.bash", "rc.bash", "exec.bash", "start", "unpreload.sh",
            "hook.zsh", "zdot/.zshenv", "zdot/.zprofile", "zdot/.zshrc", "zdot/.zlogin", "zdot/.zlogout", "zdot/user.zsh",
            "zdot/arm.zsh");

    private final Map<String, String> files;

    private HookScripts(Map<String, String> files) {
        this.files = files;
    }

    static HookScripts load() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = HookScripts.class.getResourceAsStream(BASE + name)) {
                if (in != null) {
                    files.put(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the hook file " + name + " from the connector", e);
            }
        }
        if (!files.containsKey("hook.bash") || !files.containsKey("start")) {
            throw new IllegalStateException("the connector was built without the hook scripts (scripts/target)");
        }
        return new HookScripts(Map.copyOf(files));
    }

    Map<String, String> files() {
        return files;
    }
}
