package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.recording.SessionRecorder;
import com.shellguard.connector.adapter.relay.ChannelRelay;
import com.shellguard.connector.api.SessionSummary;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ending a session, once, whoever ends it first (the target's exit, a refusal, a policy verdict, an
 * administrator): the user is shown the end's line, the recording is closed, the application gets the
 * session's summary for the audit if it had opened the session, the target connection closes, and the
 * user's channel gets its exit status. A user who is gone already is shown and sent nothing.
 */
final class SessionEnding {

    private static final Logger LOG = Logger.getLogger(SessionEnding.class.getName());

    private final SessionServices services;
    private final String sessionId;
    private final SessionState state;
    private final UserChannel user;

    SessionEnding(SessionServices services, String sessionId, SessionState state, UserChannel user) {
        this.services = services;
        this.sessionId = sessionId;
        this.state = state;
        this.user = user;
    }

    void end(SessionEnd end) {
        Optional<SessionState.Ended> ending = state.end();
        if (ending.isEmpty()) {
            // ended already, perhaps by an administrator before the target connection existed: a connection that
            // arrived since must not stay open, logged in, with nobody on it (closing is once-only)
            state.target().ifPresent(TargetConnection::close);
            return;
        }
        SessionState.Ended ended = ending.get();
        SessionRecorder recording = ended.recorder();
        if (end.message() != null && !state.userGone()) {
            user.showLine(end.message(), recording, services.timeout());
        }
        services.live().remove(sessionId);
        if (recording != null) {
            recording.close();
        }
        if (ended.opened()) {
            report(end, ended.relay());
        }
        state.target().ifPresent(TargetConnection::close);
        if (!state.userGone()) {
            user.exit(end.exitStatus(), end.message());
        }
    }

    private void report(SessionEnd end, ChannelRelay relay) {
        try {
            services.listener().sessionEnded(new SessionSummary(sessionId,
                    relay == null ? 0 : relay.bytesFromUser(), relay == null ? 0 : relay.bytesToUser(),
                    end.failure() == null && relay != null ? end.exitStatus() : null, end.failure()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not report the end of session " + sessionId, e);
        }
    }
}
