package com.shellguard.connector.api;

import java.io.Serializable;

public record HostKeyVerdict(boolean trusted, String message) implements Serializable {

    public static HostKeyVerdict trust() {
        return new HostKeyVerdict(true, null);
    }

    public static HostKeyVerdict distrust(String message) {
        return new HostKeyVerdict(false, message);
    }
}
