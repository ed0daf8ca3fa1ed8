package com.shellguard.connector.adapter;

import com.shellguard.connector.adapter.runtime.GatewayUnavailableException;
import com.shellguard.connector.api.AccessAsk;
import com.shellguard.connector.api.AuthenticationAttempt;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.AuthenticationVerdict;
import com.shellguard.connector.api.DeviceLogin;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.FileTransfer;
import com.shellguard.connector.api.ForwardSummary;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.HookStatus;
import com.shellguard.connector.api.HostKeyPresentation;
import com.shellguard.connector.api.HostKeyVerdict;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.SessionRequest;
import com.shellguard.connector.api.SessionSummary;
import com.shellguard.connector.api.StartupFileReport;
import com.shellguard.connector.api.StartupFileVerdict;
import com.shellguard.connector.api.TargetChoice;
import com.shellguard.connector.api.Termination;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.function.Function;

/**
 * The adapter's side of the inbound contract: a {@link GatewayListener} that delivers each call to a
 * fresh message endpoint of the activated bean and returns its answer. The rest of the adapter codes
 * against {@link GatewayListener} and never sees endpoints.
 *
 * <p>Calls wait their turn for an endpoint: the container keeps a bounded pool of the bean's instances (Payara's
 * {@code mdb-container} {@code max-pool-size}, {@value #ENDPOINTS} by default) and refuses an endpoint outright when
 * all are in use ({@code UnavailableException}, caused by its {@code ResourcesExceededException}), while the
 * WorkManager runs up to its own, larger, number of calls at once. Under overload (200 sessions setting up on two
 * cores) that refusal reached users as "the ShellGuard application is not available" and failed audit writes, so at
 * most {@value #ENDPOINTS} calls hold an endpoint at a time, the others queue (fairly) for up to
 * {@value #WAIT_SECONDS} s, and an endpoint the container still refuses is asked for again until then.
 *
 * <p>Limits: a pool configured smaller than {@value #ENDPOINTS} is met by the retries alone; a call that waited
 * {@value #WAIT_SECONDS} s fails as before (the gateway is too busy), the user refused with the usual message.
 */
final class EndpointDelivery implements GatewayListener {

    private static final Logger LOG = Logger.getLogger(EndpointDelivery.class.getName());
    static final int ENDPOINTS = 32;
    static final long WAIT_SECONDS = 60;
    private static final long RETRY_MILLIS = 50;

    private final Semaphore endpoints;
    private final long waitNanos;

    private final AtomicReference<MessageEndpointFactory> factory = new AtomicReference<>();
    private volatile Consumer<SessionSummary> undeliveredEnds;

    EndpointDelivery() {
        this(ENDPOINTS, Duration.ofSeconds(WAIT_SECONDS));
    }

    /** At most {@code endpoints} calls at once, each waiting up to {@code wait} for its turn and its endpoint. */
    EndpointDelivery(int endpoints, Duration wait) {
        this.endpoints = new Semaphore(endpoints, true);
        this.waitNanos = wait.toNanos();
    }

    /**
     * Where the end of a session goes when the application cannot write it now (the database is away): the audit's
     * delivery, which writes it once it can. Without one, the failure goes to the caller.
     */
    void whenEndUndelivered(Consumer<SessionSummary> later) {
        undeliveredEnds = later;
    }

    void activate(MessageEndpointFactory endpointFactory) {
        factory.set(endpointFactory);
    }

    void deactivate(MessageEndpointFactory endpointFactory) {
        factory.compareAndSet(endpointFactory, null);
    }

    private <T> T deliver(Function<GatewayListener, T> call) {
        MessageEndpointFactory current = factory.get();
        if (current == null) {
            throw new GatewayUnavailableException("the ShellGuard application is not running on this gateway node");
        }
        long deadline = System.nanoTime() + waitNanos;
        try {
            if (!endpoints.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new GatewayUnavailableException("the gateway is too busy: no application endpoint was free within "
                        + TimeUnit.NANOSECONDS.toSeconds(waitNanos) + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("interrupted while waiting for the ShellGuard application", e);
        }
        try {
            MessageEndpoint endpoint = endpoint(current, deadline);
            try {
                return call.apply((GatewayListener) endpoint);
            } finally {
                endpoint.release();
            }
        } finally {
            endpoints.release();
        }
    }

    /** An endpoint, asked for again while the container refuses one (its pool is in use elsewhere) until the deadline. */
    private static MessageEndpoint endpoint(MessageEndpointFactory factory, long deadline) {
        while (true) {
            try {
                return factory.createEndpoint(null);
            } catch (UnavailableException e) {
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS) - deadline > 0) {
                    throw new GatewayUnavailableException("the ShellGuard application is not available", e);
                }
                LOG.fine(() -> "no application endpoint now (" + e + "); asked again");
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new GatewayUnavailableException("the ShellGuard application is not available", e);
                }
            }
        }
    }

    @Override
    public AuthenticationVerdict authenticate(AuthenticationAttempt attempt) {
        return deliver(l -> l.authenticate(attempt));
    }

    @Override
    public DeviceLogin startDeviceLogin(String user, String sourceAddress) {
        return deliver(l -> l.startDeviceLogin(user, sourceAddress));
    }

    @Override
    public DeviceLogin pollDeviceLogin(String user, String deviceCode, String sourceAddress) {
        return deliver(l -> l.pollDeviceLogin(user, deviceCode, sourceAddress));
    }

    @Override
    public void authenticationConcluded(AuthenticationOutcome outcome) {
        deliver(l -> {
            l.authenticationConcluded(outcome);
            return null;
        });
    }

    @Override
    public List<TargetChoice> listTargets(String user) {
        return deliver(l -> l.listTargets(user));
    }

    @Override
    public List<TargetChoice> requestableTargets(String user) {
        return deliver(l -> l.requestableTargets(user));
    }

    @Override
    public String requestAccess(AccessAsk ask) {
        return deliver(l -> l.requestAccess(ask));
    }

    @Override
    public SessionPlan openSession(SessionRequest request) {
        return deliver(l -> l.openSession(request));
    }

    @Override
    public HostKeyVerdict verifyHostKey(HostKeyPresentation presentation) {
        return deliver(l -> l.verifyHostKey(presentation));
    }

    @Override
    public StartupFileVerdict checkStartupFiles(StartupFileReport report) {
        return deliver(l -> l.checkStartupFiles(report));
    }

    @Override
    public CommandVerdict decideCommand(CommandEvent event) {
        return deliver(l -> l.decideCommand(event));
    }

    @Override
    public CommandPolicySnapshot commandPolicy(String sessionId) {
        return deliver(l -> l.commandPolicy(sessionId));
    }

    @Override
    public void recordCommands(CommandRecordBatch batch) {
        deliver(l -> {
            l.recordCommands(batch);
            return null;
        });
    }

    @Override
    public void recordTransfers(List<FileTransfer> transfers) {
        deliver(l -> {
            l.recordTransfers(transfers);
            return null;
        });
    }

    @Override
    public void hookStatus(HookStatus status) {
        deliver(l -> {
            l.hookStatus(status);
            return null;
        });
    }

    @Override
    public List<Termination> terminationsRequested(String gatewayNode) {
        return deliver(l -> l.terminationsRequested(gatewayNode));
    }

    @Override
    public void gatewayStarted(String gatewayNode) {
        deliver(l -> {
            l.gatewayStarted(gatewayNode);
            return null;
        });
    }

    @Override
    public void sessionEnded(SessionSummary summary) {
        try {
            deliver(l -> {
                l.sessionEnded(summary);
                return null;
            });
        } catch (RuntimeException e) {
            Consumer<SessionSummary> later = undeliveredEnds;
            if (later == null) {
                throw e;
            }
            LOG.log(Level.WARNING, "the end of session " + summary.sessionId() + " cannot be written now; it is written"
                    + " with the audit once it can be", e);
            later.accept(summary);
        }
    }

    @Override
    public void forwardEnded(ForwardSummary summary) {
        deliver(l -> {
            l.forwardEnded(summary);
            return null;
        });
    }
}
