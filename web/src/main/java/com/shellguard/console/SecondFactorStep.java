package com.shellguard.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The console login between its two steps: whose password was right and since when. It lives in the HTTP session
 * that is not logged in yet, and only the code step reads it ({@link ConsoleIdentityStore}); it lasts five
 * minutes, after which the password is asked again.
 */
@Named
@SessionScoped
public class SecondFactorStep implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Duration VALID = Duration.ofMinutes(5);

    private String username;
    private Instant passwordAcceptedAt;

    synchronized void passwordAccepted(String name) {
        username = name;
        passwordAcceptedAt = Instant.now();
    }

    /** The account whose password this session showed within the last minutes, if a code is what it still lacks. */
    synchronized String awaitingFor() {
        if (username != null && Instant.now().isAfter(passwordAcceptedAt.plus(VALID))) {
            end();
        }
        return username;
    }

    public boolean isAwaiting() {
        return awaitingFor() != null;
    }

    synchronized void end() {
        username = null;
        passwordAcceptedAt = null;
    }
}
