package com.shellguard.e2e;

import jakarta.json.JsonObject;

/**
 * A key file sshd reads, planted and removed again within one session: the key a watched user would add for an
 * unwatched {@code ssh localhost}, gone before the next session's start check could see it. The supervisor watches
 * the login's startup and key files while the session runs; both tiers must alert the file's appearance and its removal.
 */
final class PlantedKey {

    /** The home is left as found: ~/.ssh goes again when the command made it (other tests count on its absence). */
    static final String PLANT_AND_REMOVE = "[ -d ~/.ssh ] && had=1; mkdir -p ~/.ssh && echo '# planted' >> ~/.ssh/authorized_keys2"
            + " && sleep 1 && rm -f ~/.ssh/authorized_keys2 && sleep 1; [ \"$had\" ] || rmdir ~/.ssh";

    private PlantedKey() {
    }

    /** Waits for the session of {@code user} that ran {@link #PLANT_AND_REMOVE} to end with both alerts. */
    static void awaitAlerts(Provisioning gateway, String user) {
        JsonObject session = gateway.awaitSession(user, s -> Provisioning.has(s, "end") && PLANT_AND_REMOVE.equals(s.getString("command", null)));
        for (String change : new String[] {"created", "removed"}) {
            gateway.awaitAlert(session.getString("id"), a -> "STARTUP_FILE_CHANGED".equals(a.getString("kind"))
                    && a.getString("detail", "").startsWith("~/.ssh/authorized_keys2 " + change), "a STARTUP_FILE_CHANGED alert: " + change);
        }
    }
}
