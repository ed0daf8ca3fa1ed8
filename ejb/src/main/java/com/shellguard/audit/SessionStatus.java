package com.shellguard.audit;

/**
 * OPEN while running; CLOSED when it ended normally; FAILED when it could not run; REFUSED by policy;
 * TERMINATED when an administrator ended it.
 */
public enum SessionStatus {
    OPEN, CLOSED, FAILED, REFUSED, TERMINATED
}
