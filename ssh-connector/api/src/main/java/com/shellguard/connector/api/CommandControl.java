package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * How a session's commands are controlled. {@code hook}: inject the shell hook into shell and exec sessions.
 * {@code required}: when the hook cannot be installed, refuse the session (servers labelled {@code strict})
 * instead of letting it run with an alert. {@code supervisor}: refuse the session unless the per-session
 * supervisor armed too (a strict server with a privileged account). A session of the privileged tier needs its
 * supervisor whatever this says: without it, it would run as the privileged account.
 */
public record CommandControl(boolean hook, boolean required, boolean supervisor) implements Serializable {

    public static final CommandControl OFF = new CommandControl(false, false, false);

    public CommandControl(boolean hook, boolean required) {
        this(hook, required, false);
    }
}
