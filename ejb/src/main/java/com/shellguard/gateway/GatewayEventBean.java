package com.shellguard.gateway;

import com.shellguard.access.AccessService;
import com.shellguard.connector.api.AuthenticationAttempt;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.AuthenticationVerdict;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.HostKeyPresentation;
import com.shellguard.connector.api.HostKeyVerdict;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.SessionRequest;
import com.shellguard.connector.api.SessionSummary;
import com.shellguard.connector.api.TargetChoice;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

@MessageDriven(messageListenerInterface = GatewayListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=shellguard.resource-adapter}")
})
public class GatewayEventBean implements GatewayListener {

    @Inject
    AccessService access;

    @Override
    public AuthenticationVerdict authenticate(AuthenticationAttempt attempt) {
        return access.authenticate(attempt);
    }

    @Override
    public void authenticationConcluded(AuthenticationOutcome outcome) {
        access.recordAuthentication(outcome);
    }

    @Override
    public List<TargetChoice> listTargets(String user) {
        return access.targets(user);
    }

    @Override
    public SessionPlan openSession(SessionRequest request) {
        return access.openSession(request);
    }

    @Override
    public HostKeyVerdict verifyHostKey(HostKeyPresentation presentation) {
        return access.verifyHostKey(presentation);
    }

    @Override
    public void sessionEnded(SessionSummary summary) {
        access.sessionEnded(summary);
    }

    @Override
    public void gatewayStarted(String gatewayNode) {
        access.closeSessionsLeftOpen(gatewayNode);
    }
}
