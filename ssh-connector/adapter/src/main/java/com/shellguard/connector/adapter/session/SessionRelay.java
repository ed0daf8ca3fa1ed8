package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.hook.HookSession;
import com.shellguard.connector.adapter.recording.AsciicastHeader;
import com.shellguard.connector.adapter.recording.CommandMarkers;
import com.shellguard.connector.adapter.recording.SessionRecorder;
import com.shellguard.connector.adapter.relay.ByteTap;
import com.shellguard.connector.adapter.relay.ChannelRelay;
import com.shellguard.connector.api.ChannelKind;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.SessionPlan;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.channel.ClientChannel;

/**
 * Relaying the open target channel as its kind asks. Shell and exec sessions are recorded, with the hook's
 * commands as markers; other subsystems are relayed unrecorded. A hooked session is ended by the
 * hook's policy verdicts, and a hooked shell gets the user's input only once it has armed. The relay's end
 * ends the session: with the target's exit status, as terminated if an administrator cut it, or as a failure
 * when the target closed without a status while the user was still there.
 */
final class SessionRelay {

    private static final Logger LOG = Logger.getLogger(SessionRelay.class.getName());

    private final SessionServices services;
    private final String sessionId;
    private final ChannelKind kind;
    private final String command;
    private final SessionState state;
    private final UserChannel user;
    private final Consumer<SessionEnd> end;

    SessionRelay(SessionServices services, String sessionId, ChannelKind kind, String command, SessionState state,
                 UserChannel user, Consumer<SessionEnd> end) {
        this.services = services;
        this.sessionId = sessionId;
        this.kind = kind;
        this.command = command;
        this.state = state;
        this.user = user;
        this.end = end;
    }

    /**
     * @param gatewayUser the gateway user, for the recording's title
     * @return completes when the user's input flows to the target: at once, or for a hooked shell once it armed;
     *         never when the relay did not start
     */
    CompletableFuture<?> start(ClientChannel target, SessionPlan plan, String gatewayUser, Optional<HookSession> hook,
               CommandControl control) {
        boolean recorded = kind == ChannelKind.SHELL || kind == ChannelKind.EXEC;
        SessionRecorder recording = recorded ? startRecording(plan, gatewayUser, hook) : null;
        ByteTap typed = ByteTap.NONE;
        ByteTap printed = recording == null ? ByteTap.NONE : ByteTap.paced(recording::output, recording::room);
        Optional<HookSession> watched = hook.filter(h -> kind == ChannelKind.SHELL && user.hasTerminal());
        if (watched.isPresent()) {
            watched.get().watchPrompt();
            typed = watched.get()::typed;
            printed = printed.andThen(watched.get()::printed);
        }
        ChannelRelay relay = new ChannelRelay(target, user.in(), user.out(), user.err(), typed, printed,
                recording == null ? ByteTap.NONE : ByteTap.paced(recording::errorOutput, recording::room));
        if (!state.relaying(relay, recording)) {
            if (recording != null) {
                recording.close();
            }
            return new CompletableFuture<>();
        }
        CompletableFuture<?> inputGate = CompletableFuture.completedFuture(null);
        if (hook.isPresent()) {
            HookSession hooked = hook.get();
            if (recording != null) {
                hooked.onCommand(event -> CommandMarkers.of(event).ifPresent(recording::marker));
            }
            hooked.onTerminate(rule -> end.accept(SessionEnd.endedByPolicy(rule)));
            hooked.onSupervisorLost(why -> end.accept(SessionEnd.supervisorLost(why)));
            hooked.onWitnessFailure(why -> end.accept(SessionEnd.hookDistrusted(plan.server(), why)));
            if (kind == ChannelKind.SHELL) {
                inputGate = control.armedOrTimedOut(hooked, end);
            }
        }
        // the relay ends on the upstream connection's network thread (the target's close), and ending writes the
        // session's audit row: as work, so the other connections' traffic on that thread does not wait for it
        relay.start(inputGate).whenCompleteAsync((status, failure) -> {
            if (state.isTerminating()) {
                end.accept(state.termination());
            } else if (status == null && !state.userGone()) {
                end.accept(SessionEnd.withoutExitStatus(plan.server()));
            } else {
                end.accept(SessionEnd.exited(status));
            }
        }, services.work()::submitOrRun);
        return inputGate;
    }

    /**
     * Starts the session's recording: its terminal's size and type, the target's shell, who went where and,
     * for an exec session, the command. A recording that cannot be started leaves the session unrecorded
     * rather than refused, with a warning in the log.
     */
    private SessionRecorder startRecording(SessionPlan plan, String gatewayUser, Optional<HookSession> hook) {
        Map<String, String> env = new HashMap<>();
        if (user.hasTerminal()) {
            env.put("TERM", user.terminalType());
        }
        hook.map(HookSession::shellPath).ifPresent(shell -> env.put("SHELL", shell));
        AsciicastHeader header = new AsciicastHeader(user.columns(), user.rows(), System.currentTimeMillis() / 1000, env,
                gatewayUser + "@" + plan.login() + "@" + plan.server(), kind == ChannelKind.EXEC ? command : null);
        try {
            SessionRecorder recorder = services.recordings().start(sessionId, header);
            recorder.onFailure(this::recordingFailed);
            return recorder;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + " cannot be recorded in " + services.recordings().directory(), e);
            recordingFailed("the recording cannot be started (" + e.getMessage() + "); the session runs unrecorded");
            return null;
        }
    }

    /**
     * A {@code RECORDING_FAILED} alert: the disk that holds the recordings may be full, which a watched user can cause
     * with output alone. Written off the recording writer's thread, which every session's recording shares.
     */
    private void recordingFailed(String why) {
        SessionAlert alert = new SessionAlert(sessionId, SessionAlert.Kind.RECORDING_FAILED, why, System.currentTimeMillis() * 1000);
        Runnable write = () -> {
            try {
                services.listener().recordCommands(new CommandRecordBatch(List.of(), List.of(), List.of(), List.of(alert)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session " + sessionId + ": could not record " + alert.detail(), e);
            }
        };
        try {
            services.work().submit(write);
        } catch (RejectedExecutionException busy) {
            write.run();
        }
    }
}
