package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * A person asks, from the SSH menu, for access they lack: {@code login} on {@code server} for {@code minutes},
 * because of {@code reason}. The application answers with the line the person is shown.
 */
public record AccessAsk(String user, String server, String login, double minutes, String reason, String clientAddress)
        implements Serializable {
}
