package com.shellguard.connector.api;

import java.io.Serializable;

/** A reported command has finished: its exit status and when. Times are microseconds since the epoch. */
public record CommandCompletion(String sessionId, String commandId, int exitStatus, long startMicros, long endMicros)
        implements Serializable {
}
