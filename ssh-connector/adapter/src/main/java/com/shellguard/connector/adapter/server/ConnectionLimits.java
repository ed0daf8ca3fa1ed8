package com.shellguard.connector.adapter.server;

import com.shellguard.connector.adapter.runtime.GatewaySettings;
import java.time.Duration;

/**
 * What one node lets a client hold before it has proved who it is, and after: unauthenticated connections in all and
 * per source address, how long authentication may take, connections per gateway user, channels per connection, and how
 * long a connection may stay silent. A zero turns a count or a time off.
 *
 * <p>The defaults are meant to be invisible to people and automation (an Ansible controller with fifty forks, VS Code
 * opening a channel per forwarded port) and to cap what one stranger can make the node hold.
 */
public record ConnectionLimits(int maxUnauthenticated, int maxUnauthenticatedPerSource, Duration authenticationTime,
                               int maxConnectionsPerUser, int maxChannelsPerConnection, Duration idleTimeout) {

    public static ConnectionLimits fromEnvironment() {
        return new ConnectionLimits(
                count("shellguard.limit.unauthenticated", "SHELLGUARD_MAX_UNAUTHENTICATED", 500),
                count("shellguard.limit.unauthenticated.per.source", "SHELLGUARD_MAX_UNAUTHENTICATED_PER_SOURCE", 50),
                seconds("shellguard.limit.auth.time", "SHELLGUARD_AUTH_TIMEOUT", 120),
                count("shellguard.limit.connections.per.user", "SHELLGUARD_MAX_CONNECTIONS_PER_USER", 100),
                count("shellguard.limit.channels", "SHELLGUARD_MAX_CHANNELS", 64),
                seconds("shellguard.idle.timeout", "SHELLGUARD_IDLE_TIMEOUT", 3600));
    }

    private static int count(String property, String variable, int fallback) {
        String text = GatewaySettings.value(property, variable, String.valueOf(fallback));
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number, 0 or more (0: no limit); it is '" + text + "'");
        }
    }

    private static Duration seconds(String property, String variable, int fallback) {
        return Duration.ofSeconds(count(property, variable, fallback));
    }
}
