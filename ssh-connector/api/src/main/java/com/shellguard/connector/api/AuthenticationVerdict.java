package com.shellguard.connector.api;

import java.io.Serializable;

public record AuthenticationVerdict(boolean accepted, String reason) implements Serializable {

    public static AuthenticationVerdict accept() {
        return new AuthenticationVerdict(true, null);
    }

    public static AuthenticationVerdict reject(String reason) {
        return new AuthenticationVerdict(false, reason);
    }
}
