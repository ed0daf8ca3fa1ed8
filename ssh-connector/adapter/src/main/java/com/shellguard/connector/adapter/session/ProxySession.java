package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.hook.HookSession;
import com.shellguard.connector.adapter.hook.HookUnavailableException;
import com.shellguard.connector.adapter.recording.AsciicastHeader;
import com.shellguard.connector.adapter.recording.CommandMarkers;
import com.shellguard.connector.adapter.recording.SessionRecorder;
import com.shellguard.connector.adapter.relay.ByteTap;
import com.shellguard.connector.adapter.relay.ChannelRelay;
import com.shellguard.connector.adapter.runtime.GatewayUnavailableException;
import com.shellguard.connector.adapter.upstream.UpstreamException;
import com.shellguard.connector.api.ChannelKind;
import com.shellguard.connector.api.HookStatus;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.SessionRequest;
import com.shellguard.connector.api.SessionSummary;
import com.shellguard.connector.api.TargetChoice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AsyncCommand;

/**
 * One user channel proxied to one target channel: resolve the target (through the menu if none was
 * named), ask the application for the session plan, connect upstream, open the same kind of channel
 * with the same terminal, and relay until either side ends. Exit status, window size changes and
 * signals pass through. Shell and exec sessions are recorded as they run; an administrator can end any
 * session that the application opened.
 */
final class ProxySession implements AsyncCommand {

    private static final Logger LOG = Logger.getLogger(ProxySession.class.getName());
    /** What ssh itself exits with when it cannot connect; scripts already treat it as "never ran". */
    static final int GATEWAY_REFUSAL = 255;
    private static final Duration MENU_IDLE_LIMIT = Duration.ofMinutes(5);
    /** How long the user's startup files may take before the hooked shell must have armed. */
    private static final Duration ARMING_LIMIT = Duration.ofSeconds(20);
    static final String TERMINATED = "session terminated by an administrator";

    private final SessionServices services;
    private final ChannelKind kind;
    private final String command;
    private final String sessionId = UUID.randomUUID().toString();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private final AtomicBoolean upstreamClosing = new AtomicBoolean();

    private IoInputStream in;
    private IoOutputStream out;
    private IoOutputStream err;
    private ExitCallback exitCallback;
    private ChannelSession channel;
    private Environment environment;
    private volatile boolean opened;
    private volatile ClientSession upstreamSession;
    private volatile ChannelRelay relay;
    private volatile HookSession hook;
    private volatile SessionRecorder recorder;
    private volatile boolean terminating;
    private String user;

    ProxySession(SessionServices services, ChannelKind kind, String command) {
        this.services = services;
        this.kind = kind;
        this.command = command;
    }

    @Override
    public void setIoInputStream(IoInputStream in) {
        this.in = in;
    }

    @Override
    public void setIoOutputStream(IoOutputStream out) {
        this.out = out;
    }

    @Override
    public void setIoErrorStream(IoOutputStream err) {
        this.err = err;
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
        this.channel = channel;
        this.environment = env;
        try {
            services.work().submit(this::open);
        } catch (RejectedExecutionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void open() {
        try {
            TargetSelector selector = TargetSelector.parse(channel.getSession().getUsername());
            if (!selector.namesServer()) {
                Optional<TargetSelector> chosen = chooseTarget(selector);
                if (chosen.isEmpty()) {
                    return;
                }
                selector = chosen.get();
            }
            user = selector.user();
            SessionPlan plan = services.listener().openSession(new SessionRequest(sessionId, selector.user(),
                    selector.server(), selector.login(), PeerAddress.of(channel.getSession()), kind, command, services.nodeName()));
            if (!plan.allowed()) {
                end(GATEWAY_REFUSAL, plan.refusal(), null);
                return;
            }
            opened = true;
            services.live().add(sessionId, this::terminate);
            upstreamSession = services.upstream().connect(sessionId, plan);
            if (destroyed.get()) {
                end(GATEWAY_REFUSAL, null, "the user disconnected before the session opened");
                return;
            }
            if (plan.control().hook() && (kind == ChannelKind.SHELL || kind == ChannelKind.EXEC) && !installHook(plan)) {
                return;
            }
            if (finished.get()) {
                // an administrator ended it while it was connecting: end() found no target connection to close yet
                closeUpstream();
                return;
            }
            ClientChannel target = openTargetChannel(upstreamSession);
            relay(target, plan);
        } catch (UpstreamException e) {
            end(GATEWAY_REFUSAL, e.getMessage(), e.getMessage());
        } catch (GatewayUnavailableException e) {
            end(GATEWAY_REFUSAL, e.getMessage() + "; try again shortly", e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + " failed", e);
            end(GATEWAY_REFUSAL, "the session could not be opened: " + e.getMessage(), String.valueOf(e.getMessage()));
        }
    }

    private Optional<TargetSelector> chooseTarget(TargetSelector selector) throws IOException {
        if (kind != ChannelKind.SHELL) {
            end(GATEWAY_REFUSAL, "name a server: ssh " + selector.user() + "@SERVER@gateway or "
                    + selector.user() + "@LOGIN@SERVER@gateway", null);
            return Optional.empty();
        }
        List<TargetChoice> choices = services.listener().listTargets(selector.user());
        if (choices.isEmpty()) {
            end(GATEWAY_REFUSAL, selector.user() + " has no access to any server", null);
            return Optional.empty();
        }
        Optional<TargetChoice> choice = new TargetMenu(in, out, hasTerminal(), MENU_IDLE_LIMIT)
                .choose(selector.user(), choices);
        if (choice.isEmpty()) {
            end(0, null, null);
            return Optional.empty();
        }
        return Optional.of(selector.withTarget(choice.get().login(), choice.get().server()));
    }

    /**
     * Puts the command hook in place before the user's channel opens. A server that cannot take it gets the
     * session anyway, with an alert, unless it is strict (policy says so): then the session is refused. The
     * same holds for the exec guard that arms with the hook: where it cannot load, the shell hook watches
     * alone, and a strict server refuses the session.
     *
     * @return false when the session was refused
     */
    private boolean installHook(SessionPlan plan) {
        try {
            hook = services.hooks().install(upstreamSession, sessionId, kind == ChannelKind.EXEC ? command : null);
            Optional<String> noGuard = hook.guardUnavailable();
            if (noGuard.isPresent() && plan.control().required()) {
                end(GATEWAY_REFUSAL, "server " + plan.server() + " requires command control, and the exec guard cannot be "
                        + "armed: " + noGuard.get(), "exec guard unavailable: " + noGuard.get());
                return false;
            }
            return true;
        } catch (HookUnavailableException e) {
            report(new HookStatus(sessionId, HookStatus.State.UNAVAILABLE, null, e.getMessage()));
            if (plan.control().required()) {
                end(GATEWAY_REFUSAL, "server " + plan.server() + " requires command control, and the hook cannot be "
                        + "installed: " + e.getMessage(), "command hook unavailable: " + e.getMessage());
                return false;
            }
            LOG.info(() -> "session " + sessionId + " runs without the command hook: " + e.getMessage());
            return true;
        }
    }

    private void report(HookStatus status) {
        try {
            services.listener().hookStatus(status);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the hook status of session " + sessionId, e);
        }
    }

    private ClientChannel openTargetChannel(ClientSession session) throws IOException {
        Map<String, String> env = forwardedEnvironment();
        PtyChannelConfiguration pty = terminalConfiguration();
        HookSession hooked = hook;
        ClientChannel target = switch (kind) {
            case SHELL, EXEC -> {
                if (hooked == null) {
                    yield plainChannel(session, pty, env);
                }
                ChannelExec exec = session.createExecChannel(hooked.startCommand(kind == ChannelKind.EXEC), pty, env);
                exec.setUsePty(hasTerminal());
                yield exec;
            }
            case SCP -> plainChannel(session, pty, env);
            case SFTP, SUBSYSTEM -> session.createSubsystemChannel(command);
        };
        target.setStreaming(ClientChannel.Streaming.Async);
        target.open().verify(services.timeout());
        if (target instanceof PtyCapableChannelSession terminal) {
            environment.addSignalListener((ch, signal) -> resize(terminal), Signal.WINCH);
        }
        environment.addSignalListener((ch, signal) -> forwardSignal(target, signal),
                Signal.SIGNALS.stream().filter(s -> s != Signal.WINCH).toList());
        return target;
    }

    private ClientChannel plainChannel(ClientSession session, PtyChannelConfiguration pty, Map<String, String> env)
            throws IOException {
        ClientChannel target = switch (kind) {
            case SHELL -> {
                ChannelShell shell = session.createShellChannel(pty, env);
                shell.setUsePty(hasTerminal());
                yield shell;
            }
            default -> {
                ChannelExec exec = session.createExecChannel(command, pty, env);
                exec.setUsePty(hasTerminal());
                yield exec;
            }
        };
        return target;
    }

    private void relay(ClientChannel target, SessionPlan plan) {
        SessionRecorder recording = kind == ChannelKind.SHELL || kind == ChannelKind.EXEC ? startRecording(plan) : null;
        recorder = recording;
        ChannelRelay started = new ChannelRelay(target, in, out, err,
                recording == null ? ByteTap.NONE : recording::output, recording == null ? ByteTap.NONE : recording::errorOutput);
        relay = started;
        HookSession hooked = hook;
        CompletableFuture<?> inputGate = CompletableFuture.completedFuture(null);
        if (hooked != null) {
            if (recording != null) {
                hooked.onCommand(event -> CommandMarkers.of(event).ifPresent(recording::marker));
            }
            hooked.onTerminate(rule -> end(GATEWAY_REFUSAL, "the session was ended by policy \"" + rule + "\"",
                    "ended by policy " + rule));
            if (kind == ChannelKind.SHELL) {
                inputGate = armedOrTimedOut(hooked, plan);
            }
        }
        started.start(inputGate).whenComplete((status, failure) -> {
            if (terminating) {
                endTerminated();
            } else if (status == null && !destroyed.get()) {
                end(GATEWAY_REFUSAL, "connection to " + plan.server() + " ended without an exit status",
                        "target closed without exit status");
            } else {
                end(status == null ? GATEWAY_REFUSAL : status, null, null);
            }
        });
    }

    /**
     * Starts the session's recording: its terminal's size and type, the target's shell, who went where and,
     * for an exec session, the command. A recording that cannot be started leaves the session unrecorded
     * rather than refused, with a warning in the log.
     */
    private SessionRecorder startRecording(SessionPlan plan) {
        Map<String, String> env = new HashMap<>();
        if (hasTerminal()) {
            env.put("TERM", environment.getEnv().getOrDefault(Environment.ENV_TERM, "xterm"));
        }
        HookSession hooked = hook;
        if (hooked != null && hooked.shellPath() != null) {
            env.put("SHELL", hooked.shellPath());
        }
        AsciicastHeader header = new AsciicastHeader(columns(), rows(), System.currentTimeMillis() / 1000, env,
                user + "@" + plan.login() + "@" + plan.server(), kind == ChannelKind.EXEC ? command : null);
        try {
            return services.recordings().start(sessionId, header);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + " cannot be recorded in " + services.recordings().directory(), e);
            return null;
        }
    }

    /** An administrator ended the session: the target's output stops, the user is told, the channel closes. */
    private void terminate() {
        terminating = true;
        ChannelRelay r = relay;
        if (r != null) {
            r.cut();
        }
        endTerminated();
    }

    private void endTerminated() {
        end(GATEWAY_REFUSAL, TERMINATED, "terminated by an administrator");
    }

    /**
     * Opens when the hooked shell has armed. A shell that never arms (startup files that wait for input or
     * start another shell) is a hook that could not be installed: refused on a strict server, else let
     * through with an alert.
     */
    private CompletableFuture<?> armedOrTimedOut(HookSession hooked, SessionPlan plan) {
        CompletableFuture<Object> gate = new CompletableFuture<>();
        hooked.armed().orTimeout(ARMING_LIMIT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((shell, failure) -> {
            if (failure == null) {
                gate.complete(shell);
                return;
            }
            String why = "the shell did not arm the hook within " + ARMING_LIMIT.toSeconds()
                    + " s (startup files waiting for input, or starting another shell?)";
            report(new HookStatus(sessionId, HookStatus.State.UNAVAILABLE, hooked.shell(), why));
            if (plan.control().required()) {
                gate.completeExceptionally(failure);
                end(GATEWAY_REFUSAL, "server " + plan.server() + " requires command control, and " + why,
                        "command hook unavailable: " + why);
            } else {
                gate.complete(null);
            }
        });
        return gate;
    }

    private void resize(PtyCapableChannelSession terminal) {
        try {
            int columns = columns();
            int rows = rows();
            SessionRecorder recording = recorder;
            if (recording != null) {
                recording.resize(columns, rows);
            }
            terminal.sendWindowChange(columns, rows);
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.FINE, "window change not forwarded", e);
        }
    }

    private int columns() {
        return Integer.parseInt(environment.getEnv().getOrDefault(Environment.ENV_COLUMNS, "80"));
    }

    private int rows() {
        return Integer.parseInt(environment.getEnv().getOrDefault(Environment.ENV_LINES, "24"));
    }

    private static void forwardSignal(ClientChannel target, Signal signal) {
        try {
            Buffer buffer = target.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 64);
            buffer.putUInt(target.getRecipient());
            buffer.putString("signal");
            buffer.putBoolean(false);
            buffer.putString(signal.name());
            target.getSession().writePacket(buffer);
        } catch (IOException e) {
            LOG.log(Level.FINE, "signal not forwarded", e);
        }
    }

    /**
     * Ends the user's channel once: shows the message (if any) as one line, reports the session for
     * the audit if the application opened one, and sends the exit status.
     */
    private void end(int exitStatus, String message, String failure) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (message != null && !destroyed.get()) {
            showLine(message);
        }
        services.live().remove(sessionId);
        SessionRecorder recording = recorder;
        if (recording != null) {
            recording.close();
        }
        if (opened) {
            ChannelRelay r = relay;
            try {
                services.listener().sessionEnded(new SessionSummary(sessionId,
                        r == null ? 0 : r.bytesFromUser(), r == null ? 0 : r.bytesToUser(),
                        failure == null && r != null ? exitStatus : null, failure));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not report the end of session " + sessionId, e);
            }
        }
        closeUpstream();
        if (!destroyed.get()) {
            exitCallback.onExit(exitStatus, message == null ? "" : message);
        }
    }

    /**
     * Shows the user one line. While the relay still runs its own write may be in flight on the same stream
     * (the stream takes one write at a time), so a policy ending the session waits a moment for its turn.
     */
    private void showLine(String message) {
        boolean terminal = hasTerminal();
        String line = "shellguard: " + message + (terminal ? "\r\n" : "\n");
        IoOutputStream stream = terminal ? out : err;
        SessionRecorder recording = recorder;
        if (recording != null) {
            recording.gatewayOutput(line);
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                stream.writeBuffer(new ByteArrayBuffer(line.getBytes(StandardCharsets.UTF_8))).verify(services.timeout());
                return;
            } catch (java.nio.channels.WritePendingException busy) {
                sleepBriefly();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not show the user: " + message, e);
                return;
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes the target connection, once, after removing the session's hook files (the exec guard's library
     * among them) there while it still stands.
     */
    private void closeUpstream() {
        ClientSession session = upstreamSession;
        if (session == null || !upstreamClosing.compareAndSet(false, true)) {
            return;
        }
        HookSession hooked = hook;
        if (hooked == null) {
            session.close(false);
            return;
        }
        try {
            services.work().submit(() -> {
                services.hooks().remove(session, hooked);
                session.close(false);
            });
        } catch (RejectedExecutionException busy) {
            session.close(false);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        destroyed.set(true);
        ClientSession session = upstreamSession;
        if (session == null) {
            return;
        }
        if (hook != null) {
            // the user is gone (the client quit right after `exit`, or the connection dropped): the session's
            // files still go first; closing at once would cut the removal off half way
            closeUpstream();
        } else {
            session.close(true);
        }
    }

    private boolean hasTerminal() {
        return !environment.getPtyModes().isEmpty() || environment.getEnv().containsKey(Environment.ENV_TERM);
    }

    private PtyChannelConfiguration terminalConfiguration() {
        PtyChannelConfiguration pty = new PtyChannelConfiguration();
        Map<String, String> env = environment.getEnv();
        pty.setPtyType(env.getOrDefault(Environment.ENV_TERM, "xterm"));
        pty.setPtyColumns(columns());
        pty.setPtyLines(rows());
        pty.setPtyModes(environment.getPtyModes());
        return pty;
    }

    /** The variables the client asked to set (LANG, LC_*), not the ones the terminal request carried. */
    private Map<String, String> forwardedEnvironment() {
        Map<String, String> env = new HashMap<>(environment.getEnv());
        env.remove(Environment.ENV_TERM);
        env.remove(Environment.ENV_COLUMNS);
        env.remove(Environment.ENV_LINES);
        env.remove(Environment.ENV_USER);
        return env;
    }
}
