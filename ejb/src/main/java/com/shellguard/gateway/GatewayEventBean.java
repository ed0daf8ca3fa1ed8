package com.shellguard.gateway;

import com.shellguard.access.AccessRequestService;
import com.shellguard.auth.AuthenticationService;
import com.shellguard.cluster.NodeFence;
import com.shellguard.cluster.NodeWatchTimer;
import com.shellguard.command.CommandControlService;
import com.shellguard.connector.api.AccessAsk;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.Termination;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.FileTransfer;
import com.shellguard.connector.api.HookStatus;
import com.shellguard.connector.api.AuthenticationAttempt;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.AuthenticationVerdict;
import com.shellguard.connector.api.DeviceLogin;
import com.shellguard.sso.DeviceLogins;
import com.shellguard.connector.api.ForwardSummary;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.HostKeyPresentation;
import com.shellguard.connector.api.HostKeyVerdict;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.SessionRequest;
import com.shellguard.connector.api.SessionSummary;
import com.shellguard.connector.api.TargetChoice;
import com.shellguard.connector.api.StartupFileReport;
import com.shellguard.connector.api.StartupFileVerdict;
import com.shellguard.metrics.GatewayMetrics;
import com.shellguard.server.HostKeyService;
import com.shellguard.server.StartupFileService;
import com.shellguard.session.SessionService;
import com.shellguard.session.SessionTerminator;
import com.shellguard.transfer.TransferAuditService;
import com.shellguard.forwarding.ForwardAuditService;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's side of the connector: each call of a gateway node, delivered to the service that answers it.
 *
 * <p>No transaction of its own ({@code NOT_SUPPORTED}): each service starts and commits its own before it returns, so
 * a commit that fails (the database restarted under it, refused the write, a lock timed out) reaches the node as the
 * exception of its call. In a transaction of the bean's own, Payara commits after the method has returned and only
 * logs a failed commit ({@code MDB00037 ... Unable to complete container-managed transaction}): the node took the call
 * for done, and an audit batch written as the database restarted was lost, counted as delivered.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(messageListenerInterface = GatewayListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=shellguard.resource-adapter}")
})
public class GatewayEventBean implements GatewayListener {

    @Inject
    ForwardAuditService forwards;

    @Inject
    AuthenticationService authentication;

    @Inject
    DeviceLogins deviceLogins;

    @Inject
    SessionService sessions;

    @Inject
    HostKeyService hostKeys;

    @Inject
    CommandControlService commands;

    @Inject
    SessionTerminator terminator;

    @Inject
    NodeFence fence;

    @Inject
    TransferAuditService transfers;

    @Inject
    StartupFileService startupFiles;

    @Inject
    AccessRequestService accessRequests;

    @Inject
    GatewayMetrics metrics;

    @Inject
    NodeWatchTimer liveness;

    @Inject
    AuditBatchWriter batches;

    @Override
    public AuthenticationVerdict authenticate(AuthenticationAttempt attempt) {
        return authentication.authenticate(attempt);
    }

    @Override
    public DeviceLogin startDeviceLogin(String user, String sourceAddress) {
        return deviceLogins.start(user, sourceAddress);
    }

    @Override
    public DeviceLogin pollDeviceLogin(String user, String deviceCode, String sourceAddress) {
        return deviceLogins.poll(user, deviceCode, sourceAddress);
    }

    @Override
    public void authenticationConcluded(AuthenticationOutcome outcome) {
        authentication.authenticationConcluded(outcome);
        metrics.loginConcluded(outcome);
    }

    @Override
    public List<TargetChoice> listTargets(String user) {
        return sessions.targets(user);
    }

    @Override
    public List<TargetChoice> requestableTargets(String user) {
        return accessRequests.requestableTargets(user);
    }

    @Override
    public String requestAccess(AccessAsk ask) {
        return accessRequests.requestFromMenu(ask);
    }

    @Override
    public SessionPlan openSession(SessionRequest request) {
        liveness.register();
        SessionPlan plan = sessions.openSession(request);
        metrics.sessionOpened(request.sessionId(), plan);
        return plan;
    }

    @Override
    public HostKeyVerdict verifyHostKey(HostKeyPresentation presentation) {
        return hostKeys.verify(presentation);
    }

    @Override
    public StartupFileVerdict checkStartupFiles(StartupFileReport report) {
        return startupFiles.check(report);
    }

    @Override
    public void sessionEnded(SessionSummary summary) {
        sessions.sessionEnded(summary);
        metrics.sessionEnded(summary);
    }

    @Override
    public void forwardEnded(ForwardSummary summary) {
        forwards.record(summary);
        metrics.forwardEnded(summary);
    }

    @Override
    public CommandVerdict decideCommand(CommandEvent event) {
        return metrics.timeDecision(() -> commands.decide(event));
    }

    @Override
    public CommandPolicySnapshot commandPolicy(String sessionId) {
        return commands.snapshot(sessionId);
    }

    @Override
    public void recordCommands(CommandRecordBatch batch) {
        if (batches.write(batch)) {
            metrics.commandsRecorded(batch.commands());
        }
    }

    @Override
    public void recordTransfers(List<FileTransfer> transferred) {
        transfers.record(transferred);
    }

    @Override
    public void hookStatus(HookStatus status) {
        commands.hookStatus(status);
    }

    @Override
    public List<Termination> terminationsRequested(String gatewayNode) {
        List<Termination> fenced = fence.terminations();
        List<Termination> requested = terminator.requestedOn(gatewayNode);
        if (fenced.isEmpty()) {
            return requested;
        }
        List<Termination> all = new ArrayList<>(fenced);
        all.addAll(requested);
        return all;
    }

    @Override
    public void gatewayStarted(String gatewayNode) {
        liveness.register();
        sessions.closeSessionsLeftOpen(gatewayNode);
        metrics.gatewayStarted();
    }
}
