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
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.function.Function;

/**
 * The adapter's side of the inbound contract: a {@link GatewayListener} that delivers each call to a
 * fresh message endpoint of the activated bean and returns its answer. The rest of the adapter codes
 * against {@link GatewayListener} and never sees endpoints.
 */
final class EndpointDelivery implements GatewayListener {

    private static final Logger LOG = Logger.getLogger(EndpointDelivery.class.getName());

    private final AtomicReference<MessageEndpointFactory> factory = new AtomicReference<>();
    private volatile Consumer<SessionSummary> undeliveredEnds;

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
        MessageEndpoint endpoint;
        try {
            endpoint = current.createEndpoint(null);
        } catch (UnavailableException e) {
            throw new GatewayUnavailableException("the ShellGuard application is not available", e);
        }
        try {
            return call.apply((GatewayListener) endpoint);
        } finally {
            endpoint.release();
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
