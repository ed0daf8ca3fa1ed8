package com.shellguard.connector.adapter.session;

import java.util.logging.Logger;

/**
 * How long each step of one session's set-up took, from the user's shell or exec request to the moment the user's
 * input flows (for a hooked shell: once it armed), logged as one line when the set-up is over:
 * {@code session ID set-up ms: queued=3 plan=41 upstream=310 hook=620 channel=35 armed=410 total=1419}. Each figure
 * is the time since the previous step; a step the session did not take is not in the line. The benchmark's load
 * mode (scripts/bench.sh load) reads these lines to say where set-up time goes.
 */
final class SetupTimes {

    private static final Logger LOG = Logger.getLogger(SetupTimes.class.getName());

    private final long started = System.nanoTime();
    private long last = started;
    private final StringBuilder steps = new StringBuilder();

    /** The step {@code name} has just ended. */
    synchronized void step(String name) {
        long now = System.nanoTime();
        steps.append(' ').append(name).append('=').append((now - last) / 1_000_000);
        last = now;
    }

    synchronized void log(String sessionId) {
        String line = "session " + sessionId + " set-up ms:" + steps + " total=" + (last - started) / 1_000_000;
        LOG.info(line);
    }
}
