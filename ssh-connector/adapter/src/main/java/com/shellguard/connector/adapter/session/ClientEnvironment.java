package com.shellguard.connector.adapter.session;

import com.shellguard.connector.api.HookTables;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;
import org.apache.sshd.server.Environment;

/**
 * The variables a client asked to set ({@code env} requests: OpenSSH's {@code SendEnv} and {@code SetEnv}), as the
 * gateway passes them upstream: only the locale ({@code LANG}, {@code LC_*}); the terminal's type travels with the
 * terminal request. Anything else is dropped, silently, except the variables the hook and the exec guard rely on
 * (the protocol's {@code variable} table, {@code LD_*}, {@code __SG_*}, exported functions, shell options), which
 * a user sets only to switch command control off before it arms: those raise a {@code TAMPER} alert.
 *
 * <p>Limit: a target whose sshd runs the login's shell still reads the login's own {@code ~/.ssh/environment} where
 * {@code PermitUserEnvironment} allows it; the gateway watches that file's hash, it cannot filter it.
 */
final class ClientEnvironment {

    private ClientEnvironment() {
    }

    /** The variables passed upstream. */
    static Map<String, String> forwarded(Map<String, String> requested) {
        Map<String, String> env = new TreeMap<>();
        requested.forEach((name, value) -> {
            if (locale(name)) {
                env.put(name, value);
            }
        });
        return env;
    }

    /** The requested variables that would switch command control off, by name. */
    static SortedSet<String> tampering(Map<String, String> requested) {
        SortedSet<String> names = new TreeSet<>();
        for (String name : requested.keySet()) {
            if (!locale(name) && !terminal(name) && reliedOn(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean locale(String name) {
        return name.equals("LANG") || name.startsWith("LC_");
    }

    /** What MINA keeps from the terminal request and the connection itself in the same map. */
    private static boolean terminal(String name) {
        return name.equals(Environment.ENV_TERM) || name.equals(Environment.ENV_COLUMNS) || name.equals(Environment.ENV_LINES)
                || name.equals(Environment.ENV_USER);
    }

    static boolean reliedOn(String name) {
        return HookTables.VARIABLE.contains(name) || name.startsWith("LD_") || name.startsWith("__SG_")
                || name.startsWith("BASH_FUNC_") || name.equals("SHELLOPTS") || name.equals("BASHOPTS");
    }
}
