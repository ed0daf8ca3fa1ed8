package com.shellguard.connector.api;

import java.io.Serializable;

/** One server and login a user is granted; the menu offers these. */
public record TargetChoice(String server, String login, String description) implements Serializable {
}
