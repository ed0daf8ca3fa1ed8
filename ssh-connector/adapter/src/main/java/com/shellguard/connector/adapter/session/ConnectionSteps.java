package com.shellguard.connector.adapter.session;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * When a user's connection passed each step before its first channel: accepted (TCP), its first key exchange done, its
 * login done. The first channel's {@link SetupTimes} starts from them, so its set-up line covers the connection's own
 * handshake (the client's wait before its shell request) beside the steps from the shell request on.
 */
public final class ConnectionSteps implements SessionListener {

    private static final AttributeKey<Marks> KEY = new AttributeKey<>();

    /** System.nanoTime() of each step, 0 for a step not reached yet. */
    static final class Marks {
        final long accepted;
        private volatile long keysExchanged;
        private volatile long loggedIn;

        private Marks(long accepted) {
            this.accepted = accepted;
        }

        long keysExchanged() {
            return keysExchanged;
        }

        long loggedIn() {
            return loggedIn;
        }
    }

    @Override
    public void sessionCreated(Session session) {
        session.setAttribute(KEY, new Marks(System.nanoTime()));
    }

    @Override
    public void sessionEvent(Session session, Event event) {
        Marks marks = session.getAttribute(KEY);
        if (marks == null) {
            return;
        }
        if (event == Event.KeyEstablished && marks.keysExchanged == 0) {
            marks.keysExchanged = System.nanoTime(); // the first exchange only: later ones renew the keys of a running connection
        } else if (event == Event.Authenticated) {
            marks.loggedIn = System.nanoTime();
        }
    }

    /** The connection's marks for its first channel, once; null for later channels (their line starts at their request). */
    static Marks take(Session session) {
        return session.removeAttribute(KEY);
    }
}
