package com.shellguard.access;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.AuthEvent;
import com.shellguard.audit.SessionRecord;
import com.shellguard.common.Clock;
import com.shellguard.grant.AccessRefused;
import com.shellguard.grant.Grant;
import com.shellguard.grant.GrantRepository;
import com.shellguard.grant.GrantResolver;
import com.shellguard.grant.GrantRule;
import com.shellguard.server.HostKeyCheck;
import com.shellguard.server.Server;
import com.shellguard.server.ServerAccount;
import com.shellguard.server.ServerRepository;
import com.shellguard.server.ServerService;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserRepository;
import com.shellguard.vault.Vault;
import com.shellguard.vault.VaultException;
import com.shellguard.connector.api.AuthenticationAttempt;
import com.shellguard.connector.api.AuthenticationMethod;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.AuthenticationVerdict;
import com.shellguard.connector.api.HostKeyPresentation;
import com.shellguard.connector.api.HostKeyVerdict;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.SessionRequest;
import com.shellguard.connector.api.SessionSummary;
import com.shellguard.connector.api.TargetChoice;
import com.shellguard.connector.api.UpstreamCredential;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
public class AccessService {

    private static final Logger LOG = Logger.getLogger(AccessService.class.getName());

    @Inject
    UserRepository users;

    @Inject
    ServerRepository servers;

    @Inject
    GrantRepository grants;

    @Inject
    AuditRepository audit;

    @Inject
    ServerService serverService;

    @Inject
    Vault vault;

    public AuthenticationVerdict authenticate(AuthenticationAttempt attempt) {
        Optional<GatewayUser> found = users.find(attempt.user());
        if (found.isEmpty()) {
            return AuthenticationVerdict.reject("unknown user");
        }
        GatewayUser user = found.get();
        if (!user.isEnabled()) {
            return AuthenticationVerdict.reject("account disabled");
        }
        boolean ok = attempt.method() == AuthenticationMethod.PASSWORD ? user.acceptsPassword(attempt.secret())
                : attempt.method() == AuthenticationMethod.PUBLICKEY && user.acceptsKey(attempt.secret());
        if (ok) {
            return AuthenticationVerdict.accept();
        }
        return AuthenticationVerdict.reject(attempt.method() == AuthenticationMethod.PASSWORD ? "wrong password"
                : "public key not registered for " + user.getUsername());
    }

    public void recordAuthentication(AuthenticationOutcome outcome) {
        audit.add(new AuthEvent(Clock.now(), outcome.user(), outcome.method() == null ? null : outcome.method().name(),
                outcome.sourceAddress(), outcome.success(), outcome.reason()));
    }

    public List<TargetChoice> targets(String userName) {
        Optional<GatewayUser> user = users.find(userName);
        if (user.isEmpty()) {
            return List.of();
        }
        List<GrantRule> rules = rules();
        List<TargetChoice> choices = new ArrayList<>();
        for (Server server : servers.all()) {
            for (String login : GrantResolver.logins(rules, userName, user.get().getGroups(), server.getName(), server.getLabels())) {
                choices.add(new TargetChoice(server.getName(), login, server.getDescription()));
            }
        }
        return choices;
    }

    public SessionPlan openSession(SessionRequest request) {
        SessionRecord record = new SessionRecord(request.sessionId(), request.user(), request.server(), request.login(),
                request.clientAddress(), request.kind().name(), request.command(), request.gatewayNode(), Clock.now());
        audit.add(record);
        try {
            GatewayUser user = users.find(request.user()).filter(GatewayUser::isEnabled)
                    .orElseThrow(() -> new AccessRefused("unknown user " + request.user()));
            Server server = servers.find(request.server())
                    .orElseThrow(() -> new AccessRefused("unknown server " + request.server()));
            String login = GrantResolver.chooseLogin(
                    GrantResolver.logins(rules(), user.getUsername(), user.getGroups(), server.getName(), server.getLabels()),
                    user.getUsername(), server.getName(), request.login());
            record.assignLogin(login);
            ServerAccount account = servers.account(server, login)
                    .orElseThrow(() -> new AccessRefused("no credential stored for " + login + " on " + server.getName()));
            return SessionPlan.allow(server.getName(), server.getHost(), server.getPort(), login, credential(account));
        } catch (AccessRefused refused) {
            record.refuse(refused.getMessage(), Clock.now());
            return SessionPlan.refuse(refused.getMessage());
        }
    }

    private UpstreamCredential credential(ServerAccount account) {
        try {
            String secret = vault.open(account.getSealedSecret());
            return new UpstreamCredential(account.getKind() == ServerAccount.Kind.PASSWORD
                    ? UpstreamCredential.Kind.PASSWORD : UpstreamCredential.Kind.PRIVATE_KEY, secret);
        } catch (VaultException e) {
            throw new AccessRefused("the stored credential for " + account.getLogin() + " on "
                    + account.getServer().getName() + " cannot be used: " + e.getMessage());
        }
    }

    public HostKeyVerdict verifyHostKey(HostKeyPresentation presentation) {
        try {
            HostKeyCheck check = serverService.verifyHostKey(presentation.server(), presentation.hostKey());
            return check.trusted() ? HostKeyVerdict.trust() : HostKeyVerdict.distrust(check.message());
        } catch (IllegalArgumentException e) {
            return HostKeyVerdict.distrust("server " + presentation.server() + " presented a host key of an unsupported type");
        }
    }

    public void sessionEnded(SessionSummary summary) {
        audit.session(summary.sessionId()).ifPresent(record -> record.end(summary.bytesFromClient(), summary.bytesToClient(),
                summary.exitStatus(), summary.failure(), Clock.now()));
    }

    /** A node that starts again has no running sessions: rows it left open end now, marked as such. */
    public int closeSessionsLeftOpen(String gatewayNode) {
        List<SessionRecord> stale = audit.openSessionsOf(gatewayNode);
        stale.forEach(s -> s.end(s.getBytesFromClient(), s.getBytesToClient(), null,
                "the gateway node " + gatewayNode + " stopped while the session was open", Clock.now()));
        if (!stale.isEmpty()) {
            LOG.info(() -> "ShellGuard: closed the audit of " + stale.size() + " session(s) left open when node "
                    + gatewayNode + " last stopped");
        }
        return stale.size();
    }

    private List<GrantRule> rules() {
        return grants.all().stream().map(Grant::rule).toList();
    }
}
