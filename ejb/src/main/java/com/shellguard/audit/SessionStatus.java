package com.shellguard.audit;

/** OPEN while running; CLOSED when it ended normally; FAILED when it could not run; REFUSED by policy. */
public enum SessionStatus {
    OPEN, CLOSED, FAILED, REFUSED
}
