package com.shellguard.connector.adapter.session;

import java.util.logging.Logger;
import org.apache.sshd.common.session.Session;

/**
 * How long each step of one session's set-up took, to the moment the user's input flows (for a hooked shell: once it
 * armed), logged as one line when the set-up is over:
 * {@code session ID set-up ms: kex=40 auth=12 request=9 queued=3 plan=41 upstream=310 hook=620 channel=35 armed=410 total=1480}.
 * Each figure is the time since the previous step; a step the session did not take is not in the line. The first
 * channel of a connection starts at its TCP accept, with the connection's own steps ({@link ConnectionSteps}: {@code kex}
 * the key exchange, {@code auth} the login, {@code request} up to the channel's shell or exec request); a later channel
 * of the same connection starts at its request. The benchmark's load mode (scripts/bench.sh load) reads these lines to
 * say where set-up time goes.
 */
final class SetupTimes {

    private static final Logger LOG = Logger.getLogger(SetupTimes.class.getName());

    private final long started;
    private long last;
    private final StringBuilder steps = new StringBuilder();

    private SetupTimes(long started) {
        this.started = started;
        this.last = started;
    }

    /** From now, the channel's request. */
    private SetupTimes() {
        this(System.nanoTime());
    }

    /** For a channel of {@code connection}, requested just now: from its TCP accept when it is the connection's first. */
    static SetupTimes forChannelOf(Session connection) {
        ConnectionSteps.Marks marks = connection == null ? null : ConnectionSteps.take(connection);
        if (marks == null || marks.keysExchanged() == 0 || marks.loggedIn() == 0) {
            return new SetupTimes();
        }
        SetupTimes times = new SetupTimes(marks.accepted);
        times.stepAt("kex", marks.keysExchanged());
        times.stepAt("auth", marks.loggedIn());
        times.step("request");
        return times;
    }

    /** The step {@code name} has just ended. */
    void step(String name) {
        stepAt(name, System.nanoTime());
    }

    private synchronized void stepAt(String name, long now) {
        steps.append(' ').append(name).append('=').append((now - last) / 1_000_000);
        last = now;
    }

    /** The line as logged. */
    synchronized String line(String sessionId) {
        return "session " + sessionId + " set-up ms:" + steps + " total=" + (last - started) / 1_000_000;
    }

    void log(String sessionId) {
        LOG.info(line(sessionId));
    }
}
