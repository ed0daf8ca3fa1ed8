package com.shellguard.connector.api;

/**
 * What a session channel carries; file transfers are audited as such. {@code FORWARDING} is the session of a
 * client connection's port forwards: opened at its first forward, it carries every forwarded connection of that
 * client connection to the target, and ends with it.
 */
public enum ChannelKind {
    SHELL, EXEC, SFTP, SCP, SUBSYSTEM, FORWARDING;

    public boolean isFileTransfer() {
        return this == SFTP || this == SCP;
    }
}
