package com.shellguard.connector.api;

import java.io.Serializable;

/** One authentication audit event: who, how, from where, and whether it worked (with why not). */
public record AuthenticationOutcome(String user, AuthenticationMethod method, String sourceAddress,
                                    boolean success, String reason) implements Serializable {
}
