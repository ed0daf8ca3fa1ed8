package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * How a session's commands are controlled. {@code hook}: inject the shell hook into shell and exec sessions.
 * {@code required}: when the hook cannot be installed, refuse the session (servers labelled {@code strict})
 * instead of letting it run with an alert. {@code supervisor}: start the hooked shell under the supervisor;
 * false only for same-account sessions on servers whose label switched it off (the privileged tier needs it).
 */
public record CommandControl(boolean hook, boolean required, boolean supervisor) implements Serializable {

    public static final CommandControl OFF = new CommandControl(false, false, false);
}
