package com.shellguard.e2e;

import jakarta.json.JsonObject;
import java.util.function.Predicate;

/**
 * An interactive bash a person opened through the gateway as the login {@value TargetServer#LOGIN} on a server, and
 * the row of its session as the gateway lists it while the session runs: what a test types into and what it looks
 * the session's audit up by.
 *
 * @param shell the terminal, with the numbered prompt {@link ShellSession} sets
 * @param session the session's row ({@code /sessions}) as it was when it first matched
 */
record HookedShell(ShellSession shell, JsonObject session) implements AutoCloseable {

    /**
     * Logs the person in with the client and waits for the row of the session: running (no end), on this server, and
     * as {@code rowSays} (the hook's report may reach the row after the session opened). The terminal is closed again
     * when no such row appears.
     */
    static HookedShell open(Provisioning admin, OpenSshClient client, Provisioning.Person person, String server,
            Predicate<JsonObject> rowSays) {
        ShellSession shell = ShellSession.open(client, person.name() + "@" + TargetServer.LOGIN + "@" + server, "bash");
        try {
            return new HookedShell(shell, admin.awaitSession(person.name(), s -> !Provisioning.has(s, "end")
                    && server.equals(s.getString("server", null)) && rowSays.test(s)));
        } catch (RuntimeException | AssertionError e) {
            shell.close();
            throw e;
        }
    }

    String id() {
        return session.getString("id");
    }

    /** The session's {@code hook} object: the hook's state, its tier and the layers of command control in force. */
    JsonObject hook() {
        return session.getJsonObject("hook");
    }

    @Override
    public void close() {
        shell.close();
    }
}
