package com.shellguard.connector.adapter.runtime;

/** No application is listening yet (or any more): the gateway cannot decide, so it refuses. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message) {
        super(message);
    }

    public GatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
