package com.shellguard.session;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.audit.SessionStatus;
import com.shellguard.command.policy.SessionScope;
import com.shellguard.command.policy.SessionScopes;
import com.shellguard.common.Clock;
import com.shellguard.connector.api.ChannelKind;
import com.shellguard.command.policy.PolicyCache;
import com.shellguard.command.policy.CommandPolicy;
import com.shellguard.connector.api.CommandControl;
import com.shellguard.connector.api.ForwardingPolicy;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.SessionRequest;
import com.shellguard.connector.api.SessionSummary;
import com.shellguard.connector.api.TargetChoice;
import com.shellguard.export.AuditEventPublisher;
import com.shellguard.export.AuditEvents;
import com.shellguard.connector.api.UpstreamCredential;
import com.shellguard.grant.AccessRefused;
import com.shellguard.grant.Grant;
import com.shellguard.grant.GrantRepository;
import com.shellguard.grant.GrantResolver;
import com.shellguard.grant.GrantRule;
import com.shellguard.server.Server;
import com.shellguard.server.ServerAccount;
import com.shellguard.server.ServerRepository;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserRepository;
import com.shellguard.vault.Vault;
import com.shellguard.vault.VaultException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Whether a session may open, where it goes and with which credential; and the audit row of its life. */
@Stateless
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());

    /** The server label that makes the shell hook required. */
    public static final String STRICT_LABEL = "strict";

    @Inject
    UserRepository users;

    @Inject
    ServerRepository servers;

    @Inject
    GrantRepository grants;

    @Inject
    AuditRepository audit;

    @Inject
    Vault vault;

    @Inject
    SessionScopes scopes;

    @Inject
    PolicyCache policy;

    @Inject
    TerminationRequests terminations;

    @Inject
    AuditEventPublisher export;

    /** The servers and logins the user may choose from, by server name and then login. */
    public List<TargetChoice> targets(String userName) {
        Optional<GatewayUser> user = users.find(userName).filter(GatewayUser::isEnabled);
        if (user.isEmpty()) {
            return List.of();
        }
        Map<String, Server> byName = servers.all().stream().collect(Collectors.toMap(Server::getName, Function.identity()));
        Map<String, Set<String>> labels = byName.values().stream()
                .collect(Collectors.toMap(Server::getName, Server::getLabels));
        List<TargetChoice> choices = new ArrayList<>();
        GrantResolver.loginsByServer(rules(), userName, user.get().getGroups(), labels).forEach((server, logins) ->
                logins.forEach(login -> choices.add(new TargetChoice(server, login, byName.get(server).getDescription()))));
        return choices;
    }

    /** Resolves the request against the grants; either way the session gets its audit row. */
    public SessionPlan openSession(SessionRequest request) {
        SessionRecord record = new SessionRecord(request.sessionId(), request.user(), request.server(), request.login(),
                request.clientAddress(), request.kind() == null ? null : request.kind().name(), request.command(),
                request.gatewayNode(), Clock.now());
        audit.add(record);
        SessionPlan plan = plan(request, record);
        export.publish(AuditEvents.sessionStart(record));
        return plan;
    }

    private SessionPlan plan(SessionRequest request, SessionRecord record) {
        try {
            GatewayUser user = users.find(request.user()).filter(GatewayUser::isEnabled)
                    .orElseThrow(() -> new AccessRefused("unknown user " + request.user()));
            Server server = servers.find(request.server())
                    .orElseThrow(() -> new AccessRefused("unknown server " + request.server()));
            String login = GrantResolver.chooseLogin(
                    GrantResolver.logins(rules(), user.getUsername(), user.getGroups(), server.getName(), server.getLabels()),
                    user.getUsername(), server.getName(), request.login());
            record.assignLogin(login);
            // forwarded connections leave the target from the connection's account: through a root connection they would
            // reach what only root may (a remote forward on a privileged port), so forwarding uses the login's own
            Optional<ServerAccount> carrier = request.kind() == ChannelKind.FORWARDING ? Optional.empty() : carrier(server, login);
            if (carrier.isPresent() && request.kind() == ChannelKind.SUBSYSTEM) {
                throw new AccessRefused("the subsystem " + request.command() + " is not available on " + server.getName()
                        + " for " + login + ": sessions there run through the privileged account");
            }
            ServerAccount account = carrier.isPresent() ? carrier.get() : servers.account(server, login)
                    .orElseThrow(() -> new AccessRefused("no credential stored for " + login + " on " + server.getName()
                            + (request.kind() == ChannelKind.FORWARDING ? " (port forwarding runs as the login's own account,"
                            + " never through the server's privileged account)" : "")));
            UpstreamCredential credential = credential(account);
            scopes.opened(request.sessionId(), new SessionScope(user.getUsername(), user.getGroups(), server.getName(),
                    server.getLabels(), login, carrier.isPresent()));
            List<String> hostKeys = server.pinnedKeys().stream().map(Object::toString).toList();
            CommandControl control = commandControl(request.kind(), server, carrier.isPresent());
            ForwardingPolicy forwarding = GrantResolver.forwarding(rules(), user.getUsername(), user.getGroups(),
                    server.getName(), server.getLabels(), login);
            if (carrier.isPresent()) {
                record.carriedBy(account.getLogin());
                return SessionPlan.throughPrivileged(server.getName(), server.getHost(), server.getPort(), hostKeys, login,
                        account.getLogin(), credential, control, forwarding);
            }
            return SessionPlan.allow(server.getName(), server.getHost(), server.getPort(), hostKeys, login, credential,
                    control, forwarding);
        } catch (AccessRefused refused) {
            record.refuse(refused.getMessage(), Clock.now());
            return SessionPlan.refuse(refused.getMessage());
        }
    }

    /**
     * Closes the session's row, at the time the session ended (an end the node could only write later, after the
     * database came back, keeps its time). A row already closed by an end (one sent again) is left as it is; a row a
     * survivor closed as {@code NODE_LOST} while the session ran on takes the real end once, and is not published
     * again (the audit export had the survivor's end).
     */
    public void sessionEnded(SessionSummary summary) {
        scopes.ended(summary.sessionId());
        audit.session(summary.sessionId()).ifPresent(record -> {
            if (record.closedAsLost()) {
                record.endAfterTakenForLost(summary.bytesFromClient(), summary.bytesToClient(), summary.exitStatus(),
                        summary.failure(), Clock.ofMicros(summary.endMicros()));
                return;
            }
            if (record.getEnded() != null && record.getStatus() != SessionStatus.REFUSED) {
                return;
            }
            record.end(summary.bytesFromClient(), summary.bytesToClient(), summary.exitStatus(), summary.failure(),
                    Clock.ofMicros(summary.endMicros()));
            terminations.remove(summary.sessionId()).ifPresent(request -> {
                if (request.getReason() == null) {
                    record.terminatedBy(request.getRequestedBy());
                } else {
                    record.terminatedFor(request.getReason());
                }
            });
            export.publish(AuditEvents.sessionEnd(record));
        });
    }

    /** A node that starts again has no running sessions: rows it left open end now, marked as such. */
    public int closeSessionsLeftOpen(String gatewayNode) {
        terminations.removeAllOn(gatewayNode);
        List<SessionRecord> stale = audit.openSessionsOf(gatewayNode);
        stale.forEach(s -> s.end(s.getBytesFromClient(), s.getBytesToClient(), null,
                "the gateway node " + gatewayNode + " stopped while the session was open", Clock.now()));
        export.publishAll(stale.stream().map(AuditEvents::sessionEnd).toList());
        if (!stale.isEmpty()) {
            LOG.info(() -> "ShellGuard: closed the audit of " + stale.size() + " session(s) left open when node "
                    + gatewayNode + " last stopped");
        }
        return stale.size();
    }

    /**
     * Another node took {@code gatewayNode} for lost (see {@code com.shellguard.cluster}): its open rows end
     * {@code FAILED} with a message that starts {@code NODE_LOST: } and says {@code why}, and the termination requests
     * waiting for it are settled (the message says so), since no node will carry them out. Returns the rows closed.
     */
    public List<SessionRecord> closeSessionsOfLostNode(String gatewayNode, String why) {
        Map<String, TerminationRequest> moot = terminations.removeAllOn(gatewayNode).stream()
                .collect(Collectors.toMap(TerminationRequest::getSessionId, Function.identity()));
        List<SessionRecord> lost = audit.openSessionsOf(gatewayNode);
        lost.forEach(s -> {
            TerminationRequest request = moot.get(s.getId());
            s.end(s.getBytesFromClient(), s.getBytesToClient(), null, SessionRecord.NODE_LOST + why
                    + (request == null ? "" : "; the termination " + request.getRequestedBy() + " requested was moot"), Clock.now());
        });
        export.publishAll(lost.stream().map(AuditEvents::sessionEnd).toList());
        return lost;
    }

    /**
     * Shells and commands run under the hook, unless a label's command default switched it off; file transfers
     * run no shell. A server labelled {@value #STRICT_LABEL} refuses a session whose hook cannot be installed
     * instead of running it unhooked (or whose supervisor does not arm), and cannot have the hook switched off. A
     * session carried by the privileged account always runs through the hook's start, which is what starts it as
     * its own login (legacy scp too, as the exec it is): the hook cannot be switched off for it. The supervisor
     * runs with the hook unless a label's command default switched it off, which neither a strict server nor the
     * privileged tier (whose supervisor starts the shell as the login) allows.
     */
    private CommandControl commandControl(ChannelKind kind, Server server, boolean carried) {
        boolean strict = server.getLabels().contains(STRICT_LABEL);
        boolean shellOrExec = kind == ChannelKind.SHELL || kind == ChannelKind.EXEC || (carried && kind == ChannelKind.SCP);
        CommandPolicy current = policy.current();
        boolean hook = shellOrExec && (carried || strict || current.hooks(server.getLabels()));
        return new CommandControl(hook, hook && strict, hook && (carried || strict || current.supervises(server.getLabels())));
    }

    /**
     * The server's privileged account when it carries this login's session (the privileged tier): always, for any
     * login but its own, even one whose own credential is stored, since that tier is the stronger.
     */
    private Optional<ServerAccount> carrier(Server server, String login) {
        return servers.accounts(server).stream().filter(ServerAccount::isPrivileged)
                .filter(p -> !p.getLogin().equals(login)).findFirst();
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

    /** The grants in force now: an expired grant gives nothing, even before the expiry timer has removed it. */
    private List<GrantRule> rules() {
        OffsetDateTime now = Clock.now();
        return grants.all().stream().filter(g -> g.inForceAt(now)).map(Grant::rule).toList();
    }
}
