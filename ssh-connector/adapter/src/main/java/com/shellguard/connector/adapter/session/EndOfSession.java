package com.shellguard.connector.adapter.session;

/**
 * Thrown by a step that ends the session before it relays (a refusal, or the user leaving the menu), so the
 * steps read as the straight sequence they are and the session ends in one place.
 */
final class EndOfSession extends Exception {

    private final transient SessionEnd end;

    EndOfSession(SessionEnd end) {
        super(end.message(), null, false, false);
        this.end = end;
    }

    SessionEnd end() {
        return end;
    }
}
