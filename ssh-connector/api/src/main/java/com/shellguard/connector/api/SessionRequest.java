package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * A request to open a session. {@code server} and {@code login} are what the user named in the SSH
 * user name; either may be null (the grant's only login, or the menu has not been used).
 * {@code sessionId} is chosen by the connector and names the session in every later event.
 */
public record SessionRequest(String sessionId, String user, String server, String login, String clientAddress,
                             ChannelKind kind, String command, String gatewayNode) implements Serializable {
}
