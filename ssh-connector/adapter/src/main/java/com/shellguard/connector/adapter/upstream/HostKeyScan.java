package com.shellguard.connector.adapter.upstream;

import java.util.List;

/**
 * What a server proved about itself: its version line and its host keys in OpenSSH form ({@code type base64}),
 * one per host-key type it offered that the connection could negotiate, in the client's order of preference.
 */
public record HostKeyScan(String serverVersion, List<String> hostKeys) {

    public HostKeyScan {
        hostKeys = List.copyOf(hostKeys);
    }
}
