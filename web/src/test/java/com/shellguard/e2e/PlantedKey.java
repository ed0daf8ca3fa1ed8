package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A key file sshd reads, planted and removed again within one session: the key a watched user would add for an
 * unwatched {@code ssh localhost}, gone before the next session's start check could see it. The supervisor watches
 * the login's startup and key files while the session runs; both tiers must alert the file's appearance and its removal.
 */
final class PlantedKey {

    static final String PLANT_AND_REMOVE = "mkdir -p ~/.ssh && echo '# planted' >> ~/.ssh/authorized_keys2 && sleep 1"
            + " && rm -f ~/.ssh/authorized_keys2 && sleep 1";
    private static final Path KEYS = Path.of("/home/" + TargetServer.LOGIN, ".ssh");

    private PlantedKey() {
    }

    /**
     * Runs {@link #PLANT_AND_REMOVE} through {@code ssh} as {@code user} and waits for its session to end with both
     * alerts. The home is left as found: a ~/.ssh the command made goes again (other tests count on its absence).
     */
    static void plantAndAwaitAlerts(Provisioning gateway, String user, Function<String, Processes.Result> ssh) {
        plantAndAwaitAlerts(gateway, user, "", ssh);
    }

    /** As above, with {@code first} run before the key is planted in the same command; returns the ended session. */
    static JsonObject plantAndAwaitAlerts(Provisioning gateway, String user, String first, Function<String, Processes.Result> ssh) {
        boolean hadKeys = Files.isDirectory(KEYS);
        String command = first + PLANT_AND_REMOVE;
        try {
            Processes.Result r = ssh.apply(command);
            assertEquals(0, r.exitCode(), r.output());
            JsonObject session = gateway.awaitSession(user, s -> Provisioning.has(s, "end") && command.equals(s.getString("command", null)));
            for (String change : new String[] {"created", "removed"}) {
                gateway.awaitAlert(session.getString("id"), a -> "STARTUP_FILE_CHANGED".equals(a.getString("kind"))
                        && a.getString("detail", "").startsWith("~/.ssh/authorized_keys2 " + change), "a STARTUP_FILE_CHANGED alert: " + change);
            }
            return session;
        } finally {
            try {
                Files.deleteIfExists(KEYS.resolve("authorized_keys2"));
                if (!hadKeys) {
                    Files.deleteIfExists(KEYS);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
