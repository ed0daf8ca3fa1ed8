package com.shellguard.connector.adapter.forward;

import com.shellguard.connector.adapter.session.PeerAddress;
import com.shellguard.connector.adapter.session.SessionServices;
import com.shellguard.connector.adapter.session.TargetSelector;
import com.shellguard.connector.adapter.upstream.UpstreamConnector;
import com.shellguard.connector.adapter.upstream.UpstreamException;
import com.shellguard.connector.api.ChannelKind;
import com.shellguard.connector.api.ForwardKind;
import com.shellguard.connector.api.ForwardSummary;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.SessionRequest;
import com.shellguard.connector.api.SessionSummary;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;

/**
 * The port forwards of one client connection. Its first forward opens a session of kind
 * {@link ChannelKind#FORWARDING}: the application's plan for the server and login the SSH user name names (which
 * writes the session's audit row and says which forwarding the grants allow), and one upstream connection as that
 * login, which every forwarded connection of the client connection then goes through, from the target's point of
 * view. It ends with the client connection, or when an administrator terminates it.
 *
 * <p>A user name without a server ({@code alice}, as {@code ssh -J} and the menu use) gets every forward refused
 * with a line naming the {@code USER@LOGIN@SERVER} form: the gateway cannot watch what it would only tunnel.
 */
final class ForwardingSession {

    private static final Logger LOG = Logger.getLogger(ForwardingSession.class.getName());
    private static final AttributeKey<ForwardingSession> KEY = new AttributeKey<>();

    private record Target(SessionPlan plan, ClientSession upstream) {
    }

    /** A remote forward the target listens for: as the client asked for it, and the port the target bound. */
    private record RemoteForward(String host, int requestedPort, int boundPort) {
    }

    private final SessionServices services;
    private final ServerSession client;
    private final TargetSelector selector;
    private final String clientAddress;
    private final String sessionId = UUID.randomUUID().toString();
    private final Map<Integer, RemoteForward> remotes = new ConcurrentHashMap<>();
    private final AtomicLong toTarget = new AtomicLong();
    private final AtomicLong fromTarget = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private CompletableFuture<Target> target;
    private CompletableFuture<?> lastRequest = CompletableFuture.completedFuture(null);
    private volatile boolean terminated;

    private ForwardingSession(SessionServices services, ServerSession client) {
        this.services = services;
        this.client = client;
        this.selector = TargetSelector.parse(client.getUsername());
        this.clientAddress = PeerAddress.of(client);
    }

    static ForwardingSession of(ServerSession client, SessionServices services) {
        return client.computeAttributeIfAbsent(KEY, k -> new ForwardingSession(services, client));
    }

    /** A connection the client sends through ({@code ssh -L}, {@code -D}, {@code -J}): to its destination from the target. */
    CompletableFuture<Void> acceptFromClient(TunnelChannel channel, TunnelAddress address) {
        Instant started = Instant.now();
        if (!selector.namesServer()) {
            return refuse(ForwardKind.LOCAL, address, started, noServer(address.host()));
        }
        return target().thenCompose(t -> {
            String refusal = t.plan().forwarding().refusal(ForwardKind.LOCAL, address.host(), address.port(),
                    selector.user(), t.plan().server());
            if (refusal != null) {
                return refuse(ForwardKind.LOCAL, address, started, refusal, t.plan());
            }
            return relay(ForwardKind.LOCAL, t.plan(), t.upstream(), OutgoingTunnel.DIRECT, address, channel, address,
                    started, true);
        }).exceptionallyCompose(failure -> failedBeforePlan(ForwardKind.LOCAL, address, started, failure));
    }

    /**
     * A remote forward ({@code ssh -R}): the target is asked to listen, on the upstream connection; requests are
     * answered in the order they came, as the client expects. Completes with the port the target bound.
     */
    CompletableFuture<Integer> listen(String host, int port) {
        Instant started = Instant.now();
        TunnelAddress listening = new TunnelAddress(host, port, "", 0);
        if (!selector.namesServer()) {
            return this.<Integer>refuse(ForwardKind.REMOTE, listening, started, noServer("SERVER"));
        }
        return inOrder(() -> target().thenCompose(t -> {
            String refusal = t.plan().forwarding().refusal(ForwardKind.REMOTE, host, port, selector.user(), t.plan().server());
            if (refusal != null) {
                return this.<Integer>refuse(ForwardKind.REMOTE, listening, started, refusal, t.plan());
            }
            return blocking(() -> bind(t, host, port, started));
        }).exceptionallyCompose(failure -> failedBeforePlan(ForwardKind.REMOTE, listening, started, failure)));
    }

    CompletableFuture<Void> cancel(String host, int port) {
        return inOrder(() -> {
            CompletableFuture<Target> current;
            synchronized (this) {
                current = target;
            }
            if (current == null || !current.isDone() || current.isCompletedExceptionally()) {
                return CompletableFuture.completedFuture(null);
            }
            Target t = current.join();
            return blocking(() -> {
                remotes.values().removeIf(r -> r.host().equals(host) && (r.requestedPort() == port || r.boundPort() == port));
                try {
                    globalRequest(t.upstream(), "cancel-tcpip-forward", host, port);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "the target did not answer the cancel of a remote forward", e);
                }
                return null;
            });
        });
    }

    /** A connection the target's sshd accepted on one of this client's remote forwards: to the client. */
    CompletableFuture<Void> acceptFromTarget(TunnelChannel channel, TunnelAddress address) {
        Instant started = Instant.now();
        RemoteForward forward = remotes.get(address.port());
        CompletableFuture<Target> current;
        synchronized (this) {
            current = target;
        }
        if (forward == null || current == null || !current.isDone()) {
            return CompletableFuture.failedFuture(TunnelChannel.Refused.prohibited("no ShellGuard forward listens on port "
                    + address.port()));
        }
        TunnelAddress toClient = new TunnelAddress(forward.host(), forward.boundPort(), address.originatorHost(),
                address.originatorPort());
        return relay(ForwardKind.REMOTE, current.join().plan(), client, OutgoingTunnel.FORWARDED, toClient, channel,
                new TunnelAddress(address.host(), address.port(), address.originatorHost(), address.originatorPort()),
                started, false);
    }

    /**
     * Opens the outgoing channel and relays the accepted one through it; the connection is audited when it ends, or
     * when the far side refuses it (the target's sshd: AllowTcpForwarding, nothing listening; or the client).
     *
     * @param audited what the audit names: the destination, or the address listened on and who connected
     * @param fromClient whether the accepted channel is the client's (so its bytes go to the target)
     */
    private CompletableFuture<Void> relay(ForwardKind kind, SessionPlan plan, Session on, String type, TunnelAddress address,
                                          TunnelChannel accepted, TunnelAddress audited, Instant started, boolean fromClient) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        OutgoingTunnel outgoing = new OutgoingTunnel(type, address);
        OpenFuture open;
        try {
            on.getService(ConnectionService.class).registerChannel(outgoing);
            open = outgoing.open();
        } catch (IOException | RuntimeException e) {
            String why = (fromClient ? "the connection to " + plan.server() : "the client connection") + " cannot open a channel: " + e.getMessage();
            report(kind, plan, audited, started, 0, 0, ForwardSummary.Outcome.FAILED, why);
            return CompletableFuture.failedFuture(TunnelChannel.Refused.failed(why));
        }
        open.addListener(f -> {
            if (!f.isOpened()) {
                Throwable e = f.getException();
                int reason = e instanceof SshChannelOpenException o ? o.getReasonCode() : SshConstants.SSH_OPEN_CONNECT_FAILED;
                String why = (fromClient ? "server " + plan.server() + " refused to connect to " + audited.destination()
                        : "the client refused the connection on " + audited.destination()) + ": "
                        + (e == null ? "no reason given" : e.getMessage());
                report(kind, plan, audited, started, 0, 0, ForwardSummary.Outcome.FAILED, why);
                opened.completeExceptionally(new TunnelChannel.Refused(reason, why));
                return;
            }
            Tunnel tunnel = new Tunnel(accepted, outgoing);
            opened.complete(null);
            tunnel.start().thenRun(() -> {
                long sent = fromClient ? tunnel.bytesAcceptedToOpened() : tunnel.bytesOpenedToAccepted();
                long received = fromClient ? tunnel.bytesOpenedToAccepted() : tunnel.bytesAcceptedToOpened();
                toTarget.addAndGet(sent);
                fromTarget.addAndGet(received);
                report(kind, plan, audited, started, sent, received, ForwardSummary.Outcome.CLOSED, null);
            });
        });
        return opened;
    }

    /** Asks the target to listen; the bound port (the requested one, or the one it chose for port 0). */
    private int bind(Target t, String host, int port, Instant started) {
        Buffer reply;
        try {
            reply = globalRequest(t.upstream(), "tcpip-forward", host, port);
        } catch (IOException e) {
            reply = null;
        }
        TunnelAddress listening = new TunnelAddress(host, port, "", 0);
        if (reply == null) {
            String why = "server " + t.plan().server() + " refused to listen on " + listening.destination()
                    + " (its sshd's AllowTcpForwarding, or the port is taken)";
            report(ForwardKind.REMOTE, t.plan(), listening, started, 0, 0, ForwardSummary.Outcome.FAILED, why);
            throw TunnelChannel.Refused.failed(why);
        }
        int bound = port == 0 ? (int) reply.getUInt() : port;
        remotes.put(bound, new RemoteForward(host, port, bound));
        return bound;
    }

    private Buffer globalRequest(ClientSession upstream, String request, String host, int port) throws IOException {
        Buffer buffer = upstream.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST);
        buffer.putString(request);
        buffer.putBoolean(true);
        buffer.putString(host);
        buffer.putUInt(port);
        return upstream.request(request, buffer, services.timeout());
    }

    /** The session's plan and upstream connection, opened once, at the first forward, as work. */
    private synchronized CompletableFuture<Target> target() {
        if (target == null) {
            target = blocking(this::connect);
        }
        return target;
    }

    private Target connect() {
        SessionPlan plan = services.listener().openSession(new SessionRequest(sessionId, selector.user(), selector.server(),
                selector.login(), clientAddress, ChannelKind.FORWARDING, null, services.nodeName()));
        if (!plan.allowed()) {
            // the application audited the refused session; each forward is audited with the same reason
            throw new PlanRefused(plan.refusal());
        }
        services.live().add(sessionId, reason -> terminate());
        ClientSession upstream;
        try {
            upstream = services.upstream().connect(sessionId, plan);
        } catch (UpstreamException e) {
            end(e.getMessage());
            throw new PlanRefused(e.getMessage(), plan);
        }
        upstream.setAttribute(UpstreamConnector.FORWARDED_TCPIP, new ChannelFactory() {
            @Override
            public String getName() {
                return OutgoingTunnel.FORWARDED;
            }

            @Override
            public Channel createChannel(Session session) {
                return new TunnelChannel(ForwardingSession.this::acceptFromTarget);
            }
        });
        upstream.addCloseFutureListener(f -> end(terminated ? null : "the connection to " + plan.server() + " closed"));
        client.addCloseFutureListener(f -> {
            upstream.close(false);
            end(null);
        });
        if (!client.isOpen()) {
            upstream.close(true);
        }
        return new Target(plan, upstream);
    }

    /** Ends the session once: its audit row gets the bytes of every forwarded connection. */
    private void end(String failure) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        services.live().remove(sessionId);
        SessionSummary summary = new SessionSummary(sessionId, toTarget.get(), fromTarget.get(), null,
                terminated ? "terminated by an administrator" : failure);
        submit(() -> services.listener().sessionEnded(summary), "the end of forwarding session " + sessionId);
    }

    /** An administrator ended the session: its upstream connection, and with it every forward, closes. */
    private void terminate() {
        terminated = true;
        CompletableFuture<Target> current;
        synchronized (this) {
            current = target;
        }
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().upstream().close(true);
        }
    }

    /** The one line for a forward without a server in the user name, {@code ssh -J} the commonest. */
    private String noServer(String host) {
        return "ShellGuard does not tunnel (ssh -J) or forward without a server: connect as " + selector.user()
                + "@LOGIN@" + host + " (ssh -p PORT " + selector.user() + "@LOGIN@" + host + "@GATEWAY)";
    }

    /** A forward refused by the grants or the user name's syntax: audited, and the client is told why. */
    private <T> CompletableFuture<T> refuse(ForwardKind kind, TunnelAddress address, Instant started, String why) {
        return refuse(kind, address, started, why, null);
    }

    private <T> CompletableFuture<T> refuse(ForwardKind kind, TunnelAddress address, Instant started, String why,
                                            SessionPlan plan) {
        report(kind, plan, address, started, 0, 0, ForwardSummary.Outcome.REFUSED, why);
        return CompletableFuture.failedFuture(TunnelChannel.Refused.prohibited(why));
    }

    /** The plan or the upstream connection failed (refused, unreachable): audited once per forward, and passed on. */
    private <T> CompletableFuture<T> failedBeforePlan(ForwardKind kind, TunnelAddress address, Instant started, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof PlanRefused refused) {
            report(kind, refused.plan, address, started, 0, 0, refused.plan == null ? ForwardSummary.Outcome.REFUSED
                    : ForwardSummary.Outcome.FAILED, refused.getMessage());
            return CompletableFuture.failedFuture(refused.plan == null ? TunnelChannel.Refused.prohibited(refused.getMessage())
                    : TunnelChannel.Refused.failed(refused.getMessage()));
        }
        if (cause instanceof TunnelChannel.Refused) {
            return CompletableFuture.failedFuture(cause);
        }
        LOG.log(Level.WARNING, "a forward of " + selector.user() + " failed", cause);
        report(kind, null, address, started, 0, 0, ForwardSummary.Outcome.FAILED, String.valueOf(cause.getMessage()));
        return CompletableFuture.failedFuture(TunnelChannel.Refused.failed("ShellGuard: " + cause.getMessage()));
    }

    private void report(ForwardKind kind, SessionPlan plan, TunnelAddress address, Instant started, long sent,
                        long received, ForwardSummary.Outcome outcome, String message) {
        boolean opened = plan != null && plan.allowed();
        ForwardSummary summary = new ForwardSummary(opened ? sessionId : null, selector.user(),
                opened ? plan.server() : selector.server(), opened ? plan.login() : selector.login(), kind,
                address.destination(), address.originatorHost().isEmpty() ? null : address.originator(), started,
                Duration.between(started, Instant.now()).toMillis(), sent, received, outcome, message, clientAddress,
                services.nodeName());
        submit(() -> services.listener().forwardEnded(summary), "a forward of " + selector.user());
    }

    private synchronized <T> CompletableFuture<T> inOrder(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> next = lastRequest.handle((v, t) -> null).thenCompose(v -> request.get());
        lastRequest = next;
        return next;
    }

    private <T> CompletableFuture<T> blocking(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            services.work().submit(() -> {
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(TunnelChannel.Refused.failed("the gateway is too busy: try again shortly"));
        }
        return result;
    }

    private void submit(Runnable call, String what) {
        try {
            services.work().submit(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not report " + what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "could not report " + what + ": the gateway is too busy", e);
        }
    }

    /** The application refused the session (no plan), or its upstream connection failed (with the plan). */
    private static final class PlanRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient SessionPlan plan;

        PlanRefused(String message) {
            this(message, null);
        }

        PlanRefused(String message, SessionPlan plan) {
            super(message, null, false, false);
            this.plan = plan;
        }
    }
}
