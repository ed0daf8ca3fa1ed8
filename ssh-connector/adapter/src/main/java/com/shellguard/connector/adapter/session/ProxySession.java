package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.hook.HookSession;
import com.shellguard.connector.adapter.hook.PrivilegedTier;
import com.shellguard.connector.adapter.relay.ChannelRelay;
import com.shellguard.connector.adapter.runtime.GatewayUnavailableException;
import com.shellguard.connector.adapter.transfer.FileTransferServer;
import com.shellguard.connector.adapter.transfer.ScpInvocation;
import com.shellguard.connector.adapter.transfer.TransferLog;
import com.shellguard.connector.adapter.upstream.UpstreamException;
import com.shellguard.connector.api.ChannelKind;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.SessionRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AsyncCommand;

/**
 * One user channel proxied to one target channel, as MINA sees it: the channel's streams arrive, it starts,
 * and it is destroyed. Starting runs the session's steps in order on a work thread ({@link #open}), except
 * while the user reads the menu, which holds no thread; the end, the user's leaving and an administrator's termination may come from other threads at any time, and
 * meet the steps in the {@link SessionState}. A file transfer (SFTP, legacy scp) is not relayed: its
 * {@link FileTransferServer}, made with the channel, serves it once the target is connected.
 */
final class ProxySession implements AsyncCommand {

    private static final Logger LOG = Logger.getLogger(ProxySession.class.getName());

    private final SessionServices services;
    private final ChannelKind kind;
    private final String command;
    private final String sessionId = UUID.randomUUID().toString();
    private final SessionState state = new SessionState();
    private FileTransferServer transfer;
    private Environment environment;

    private IoInputStream in;
    private IoOutputStream out;
    private IoOutputStream err;
    private ExitCallback exitCallback;
    private SetupTimes setup;
    private UserChannel user;
    private SessionEnding ending;

    ProxySession(SessionServices services, ChannelKind kind, String command) {
        this.services = services;
        this.kind = kind;
        this.command = command;
    }

    /** The user's {@code sftp} subsystem, served by the gateway's SFTP server. */
    static ProxySession sftp(SessionServices services, ChannelSession channel) throws IOException {
        ProxySession session = new ProxySession(services, ChannelKind.SFTP, "sftp");
        session.transfer = FileTransferServer.sftp(channel, session.transferLog());
        return session;
    }

    /** A legacy scp sink or source, served by the gateway's scp; {@code command} is the exec text as the client sent it. */
    static ProxySession scp(SessionServices services, ChannelSession channel, String command, ScpInvocation scp)
            throws IOException {
        ProxySession session = new ProxySession(services, ChannelKind.SCP, command);
        session.transfer = FileTransferServer.scp(channel, scp, session.transferLog());
        return session;
    }

    private TransferLog transferLog() {
        return new TransferLog(sessionId, services.listener(), services.work()::submit);
    }

    @Override
    public void setIoInputStream(IoInputStream in) {
        this.in = in;
    }

    @Override
    public void setIoOutputStream(IoOutputStream out) {
        this.out = out;
        if (transfer != null) {
            transfer.setIoOutputStream(out);
        }
    }

    @Override
    public void setIoErrorStream(IoOutputStream err) {
        this.err = err;
        if (transfer != null) {
            transfer.setIoErrorStream(err);
        }
    }

    @Override
    public void setInputStream(java.io.InputStream in) {
        // the asynchronous stream above is used instead
    }

    @Override
    public void setOutputStream(java.io.OutputStream out) {
        // the asynchronous stream above is used instead
    }

    @Override
    public void setErrorStream(java.io.OutputStream err) {
        // the asynchronous stream above is used instead
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        environment = env;
        user = new UserChannel(channel, env, in, out, err, exitCallback);
        ending = new SessionEnding(services, sessionId, state, user);
        setup = SetupTimes.forChannelOf(channel.getSession());
        try {
            services.work().submit(this::open);
        } catch (RejectedExecutionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The steps: choose the target, ask the application for the plan, open upstream, install command control,
     * open the target channel of the user's kind, relay it. Any step may end the session instead; an
     * administrator may end it from the moment the application opened it. A user in the menu holds no work
     * thread: the steps after it go on in new work once the choice is made.
     */
    private void open() {
        setup.step("queued");
        attempt(() -> {
            CompletableFuture<TargetSelector> chosen = new TargetChooser(services.listener(), services.work(), user, kind)
                    .choose();
            if (chosen.isDone()) {
                setup.step("menu");
                openAt(chosen.join());
            } else {
                chosen.whenComplete(this::chosen);
            }
        });
    }

    private void chosen(TargetSelector target, Throwable failure) {
        try {
            setup.step("menu");
            services.work().submit(() -> attempt(() -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    throw cause instanceof Exception e ? e : new IllegalStateException(cause);
                }
                openAt(target);
            }));
        } catch (RejectedExecutionException e) {
            ending.end(SessionEnd.failed(e.getMessage() + "; try again shortly", e.getMessage()));
        }
    }

    private void openAt(TargetSelector target) throws Exception {
        SessionPlan plan = services.listener().openSession(new SessionRequest(sessionId, target.user(),
                target.server(), target.login(), user.peerAddress(), kind, command, services.nodeName()));
        if (!plan.allowed()) {
            throw new EndOfSession(SessionEnd.refused(plan.refusal()));
        }
        setup.step("plan");
        state.opened();
        services.live().add(sessionId, this::terminate);
        alertTamperingEnvironment();
        TargetConnection connection = TargetConnection.open(services, sessionId, plan);
        state.connected(connection);
        setup.step("upstream");
        if (state.userGone()) {
            throw new EndOfSession(SessionEnd.userLeftWhileOpening());
        }
        boolean hooked = CommandControl.appliesTo(plan, kind);
        if (plan.control().hook() && !hooked) {
            StartupFileCheck.check(services, sessionId, plan, connection);
            setup.step("startup-files");
        }
        CommandControl control = new CommandControl(services, sessionId, plan);
        Optional<HookSession> hook = hooked
                ? control.install(connection, kind == ChannelKind.SHELL ? null : command, setup)
                : Optional.empty();
        if (state.hasEnded()) {
            // an administrator ended it while it connected, perhaps before the end could find the connection
            connection.close();
            return;
        }
        if (transfer != null) {
            serveTransfer(connection, plan);
            return;
        }
        ClientChannel channel = TargetChannels.open(connection.session(), kind, command, hook.orElse(null),
                PrivilegedTier.of(plan), user, services.timeout());
        setup.step("channel");
        SignalForwarding.start(user, channel, state::recorder);
        new SessionRelay(services, sessionId, kind, command, state, user, ending::end)
                .start(channel, plan, target.user(), hook, control)
                .whenComplete((armed, failure) -> {
                    if (failure == null) {
                        setup.step(hook.isPresent() && kind == ChannelKind.SHELL ? "armed" : "relay");
                        setup.log(sessionId);
                    }
                });
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step; whatever it throws ends the session with the line and audit failure that suit it. */
    private void attempt(Step step) {
        try {
            step.run();
        } catch (EndOfSession e) {
            ending.end(e.end());
        } catch (UpstreamException e) {
            ending.end(SessionEnd.failed(e.getMessage(), e.getMessage()));
        } catch (GatewayUnavailableException e) {
            ending.end(SessionEnd.failed(e.getMessage() + "; try again shortly", e.getMessage()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "session " + sessionId + " failed", e);
            ending.end(SessionEnd.failed("the session could not be opened: " + e.getMessage(),
                    String.valueOf(e.getMessage())));
        }
    }

    /**
     * Serves the file transfer over the target connection; its end ends the session. Transfers are not recorded
     * as terminal output: each file they touch is an audit row of its own.
     */
    private void serveTransfer(TargetConnection connection, SessionPlan plan) throws IOException {
        if (!state.relaying(null, null)) {
            return;
        }
        transfer.start(connection.session(),
                PrivilegedTier.sftpCommand(plan), environment, status -> ending.end(SessionEnd.exited(status)));
    }

    /** Variables the client asked to set that the hook relies on: never forwarded, and alerted. */
    private void alertTamperingEnvironment() {
        java.util.SortedSet<String> names = user.tamperingEnvironment();
        if (names.isEmpty()) {
            return;
        }
        SessionAlert alert = new SessionAlert(sessionId, SessionAlert.Kind.TAMPER, "the client asked to set "
                + String.join(", ", names) + ", which command control relies on; not forwarded", System.currentTimeMillis() * 1000);
        try {
            services.listener().recordCommands(new CommandRecordBatch(List.of(), List.of(), List.of(), List.of(alert)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + ": could not record " + alert.detail(), e);
        }
    }

    /**
     * An administrator ended the session, or the access it relied on expired ({@code reason}, the line the user is
     * shown): the target's output stops, the user is told, the channel closes.
     */
    private void terminate(String reason) {
        SessionEnd end = reason == null ? SessionEnd.terminated() : SessionEnd.accessEnded(reason);
        state.terminating(end).ifPresent(ChannelRelay::cut);
        ending.end(end);
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (transfer != null) {
            transfer.destroy();
        }
        state.userLeft().ifPresent(TargetConnection::userLeft);
    }
}
