package com.shellguard.connector.api;

/** What a session channel carries; file transfers are audited as such. */
public enum ChannelKind {
    SHELL, EXEC, SFTP, SCP, SUBSYSTEM;

    public boolean isFileTransfer() {
        return this == SFTP || this == SCP;
    }
}
