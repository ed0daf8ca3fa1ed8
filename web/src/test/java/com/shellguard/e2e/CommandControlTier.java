package com.shellguard.e2e;

import jakarta.json.JsonObject;

/**
 * A tier of command control as an end-to-end test sets one up (README, the tier table): which server the gateway
 * gets, and what the session row's {@code hook.tier} must then say. A test class that runs its tests once per tier
 * starts one {@link TargetServer#admittingRoot()} for both, and opens each tier's session with
 * {@link #openHookedShell}.
 */
enum CommandControlTier {

    /** The supervisor runs as the login: a server whose account is the login itself, host key pinned. */
    SAME_ACCOUNT("same-account") {
        @Override
        String server(Provisioning admin, String prefix) {
            return admin.server(prefix, true);
        }
    },

    /** The supervisor runs as root and starts the session as the login: a server whose only account is a privileged root. */
    PRIVILEGED("privileged") {
        @Override
        String server(Provisioning admin, String prefix) {
            return admin.privilegedServer(prefix + "priv", "root");
        }
    };

    /** As the session row's {@code hook.tier} and the README name the tier. */
    final String label;

    CommandControlTier(String label) {
        this.label = label;
    }

    /**
     * Registers admin's target as a new server of this tier, named from the prefix; the target must admit root by key
     * for {@link #PRIVILEGED}.
     */
    abstract String server(Provisioning admin, String prefix);

    /**
     * Grants the person the login on a new server of this tier, opens an interactive bash there through the client,
     * and waits until the session's row names the hook's tier, which must be this one.
     */
    HookedShell openHookedShell(Provisioning admin, OpenSshClient client, Provisioning.Person person, String serverPrefix) {
        String server = server(admin, serverPrefix);
        admin.grant(person, server, TargetServer.LOGIN);
        HookedShell hooked = HookedShell.open(admin, client, person, server,
                s -> s.get("hook") instanceof JsonObject h && h.containsKey("tier"));
        if (!label.equals(hooked.hook().getString("tier"))) {
            hooked.close();
            throw new AssertionError("a session of the " + label + " tier says another: " + hooked.session());
        }
        return hooked;
    }
}
