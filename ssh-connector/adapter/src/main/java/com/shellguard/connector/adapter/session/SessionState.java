package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.recording.SessionRecorder;
import com.shellguard.connector.adapter.relay.ChannelRelay;
import java.util.Optional;

/**
 * Where one session is. Several threads act on a session: the work thread that opens it, MINA's thread that
 * destroys the user's channel, the relay's completion, the hook's policy verdicts, the arming timer, the
 * administrator's termination. Each goes through this one state machine, under one lock, and the allowed
 * moves are checked in one place ({@link Phase#canMoveTo}):
 *
 * <pre>
 * CHOOSING    → OPENING (the application allowed it) or ENDED
 * OPENING     → RELAYING (the relay started), TERMINATING (an administrator) or ENDED
 * RELAYING    → TERMINATING (an administrator) or ENDED
 * TERMINATING → ENDED
 * ENDED       → nothing
 * </pre>
 *
 * <p>Apart from the phase, the user's channel may go (the client quit, the connection dropped) in any phase.
 * That alone does not end the session: the target's end still arrives and is audited, but the end then shows
 * the user nothing. It is the second, independent part of the state.
 *
 * <p>The state also holds what the steps built that another thread must reach: the target connection (closed
 * by whoever ends first), and once relaying, the relay (cut by a termination, counted by the end) and the
 * recording (closed by the end, told of resizes and of the gateway's last line).
 *
 * <p>Limit: the lock orders the moves, not the work around them; a step that runs while another thread ends
 * the session finishes its call (a connection, a hook installation) and then finds the session ended.
 */
final class SessionState {

    enum Phase {
        /** The target is being chosen and the application asked; nothing is open, so nothing is audited at the end. */
        CHOOSING,
        /** The application opened the session: the target connection, its command control and channel are set up. */
        OPENING,
        RELAYING,
        /** An administrator ended it: the relay is cut, the user is told. */
        TERMINATING,
        ENDED;

        boolean canMoveTo(Phase next) {
            return switch (this) {
                case CHOOSING -> next == OPENING || next == ENDED;
                case OPENING -> next == RELAYING || next == TERMINATING || next == ENDED;
                case RELAYING -> next == TERMINATING || next == ENDED;
                case TERMINATING -> next == ENDED;
                case ENDED -> false;
            };
        }
    }

    /** What the one call that ended the session needs to finish it. */
    record Ended(boolean opened, ChannelRelay relay, SessionRecorder recorder) {
    }

    private Phase phase = Phase.CHOOSING;
    private boolean userGone;
    private TargetConnection target;
    private ChannelRelay relay;
    private SessionEnd termination;
    private SessionRecorder recorder;

    private boolean move(Phase next) {
        if (!phase.canMoveTo(next)) {
            return false;
        }
        phase = next;
        return true;
    }

    /** The application opened the session; only the thread that chose the target moves it here. */
    synchronized void opened() {
        if (!move(Phase.OPENING)) {
            throw new IllegalStateException("a session cannot open from " + phase);
        }
    }

    synchronized void connected(TargetConnection connection) {
        target = connection;
    }

    /** The target connection, or empty before there is one. */
    synchronized Optional<TargetConnection> target() {
        return Optional.ofNullable(target);
    }

    /**
     * Moves to relaying with the relay and recording it runs; false when the session is ending already (an
     * administrator ended it while its channel opened), and then neither may start.
     */
    synchronized boolean relaying(ChannelRelay started, SessionRecorder recording) {
        if (!move(Phase.RELAYING)) {
            return false;
        }
        relay = started;
        recorder = recording;
        return true;
    }

    /**
     * An administrator ends the session, or the gateway does when its access expired ({@code why}, what the user is
     * shown, whichever path reaches the end first); returns the relay to cut, if it runs.
     */
    synchronized Optional<ChannelRelay> terminating(SessionEnd why) {
        move(Phase.TERMINATING);
        termination = why;
        return Optional.ofNullable(relay);
    }

    synchronized boolean isTerminating() {
        return phase == Phase.TERMINATING;
    }

    /** How a terminated session ends: as {@link #terminating} was told. */
    synchronized SessionEnd termination() {
        return termination == null ? SessionEnd.terminated() : termination;
    }

    synchronized boolean hasEnded() {
        return phase == Phase.ENDED;
    }

    /** Ends the session; empty for every call but the first. */
    synchronized Optional<Ended> end() {
        Phase from = phase;
        if (!move(Phase.ENDED)) {
            return Optional.empty();
        }
        return Optional.of(new Ended(from != Phase.CHOOSING, relay, recorder));
    }

    /** The user's channel is gone; returns the target connection, if there is one. */
    synchronized Optional<TargetConnection> userLeft() {
        userGone = true;
        return Optional.ofNullable(target);
    }

    synchronized boolean userGone() {
        return userGone;
    }

    synchronized Optional<SessionRecorder> recorder() {
        return Optional.ofNullable(recorder);
    }
}
