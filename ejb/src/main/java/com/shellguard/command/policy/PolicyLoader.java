package com.shellguard.command.policy;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.audit.SessionStatus;
import com.shellguard.command.rule.CommandDefault;
import com.shellguard.command.rule.CommandPolicyRepository;
import com.shellguard.command.rule.CommandRule;
import com.shellguard.command.rule.DefaultMode;
import com.shellguard.command.rule.SupervisorMode;
import com.shellguard.common.ValidationException;
import com.shellguard.server.Server;
import com.shellguard.server.ServerRepository;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** The database reads behind the in-memory policy: the policy itself, its version, a session's scope. */
@Stateless
public class PolicyLoader {

    private static final Logger LOG = Logger.getLogger(PolicyLoader.class.getName());

    /** A session's scope as stored, and whether the session is still open (only open ones are worth caching). */
    public record StoredSession(SessionScope scope, boolean open) {
    }

    @Inject
    CommandPolicyRepository policy;

    @Inject
    AuditRepository audit;

    @Inject
    UserRepository users;

    @Inject
    ServerRepository servers;

    /** The version is read first: a change committed during the load makes the next check load again. */
    public CommandPolicy load() {
        long version = policy.version();
        List<PolicyRule> rules = new ArrayList<>();
        for (CommandRule rule : policy.rules()) {
            try {
                rules.add(PolicyRule.of(rule));
            } catch (ValidationException e) {
                LOG.severe(() -> "ShellGuard: command rule " + rule.getName() + " is ignored, its pattern no longer compiles: "
                        + e.getMessage());
            }
        }
        return new CommandPolicy(version, rules, labelsIn(DefaultMode.ALLOWLIST), labelsIn(DefaultMode.OFF), unsupervisedLabels());
    }

    private Set<String> unsupervisedLabels() {
        return policy.defaults().stream().filter(d -> d.getSupervisor() == SupervisorMode.OFF).map(CommandDefault::getLabel)
                .collect(Collectors.toSet());
    }

    private Set<String> labelsIn(DefaultMode mode) {
        return policy.defaults().stream().filter(d -> d.getMode() == mode).map(CommandDefault::getLabel).collect(Collectors.toSet());
    }

    public long version() {
        return policy.version();
    }

    /** From the session's audit row, its user's groups and its server's labels as they are now. */
    public Optional<StoredSession> session(String sessionId) {
        Optional<SessionRecord> found = sessionId == null ? Optional.empty() : audit.session(sessionId);
        return found.map(s -> new StoredSession(new SessionScope(s.getUserName(),
                Optional.ofNullable(s.getUserName()).flatMap(users::find).map(GatewayUser::getGroups).orElse(Set.of()),
                s.getServerName(),
                Optional.ofNullable(s.getServerName()).flatMap(servers::find).map(Server::getLabels).orElse(Set.of()),
                s.getLogin(), s.getPrivilegedAccount() != null), s.getStatus() == SessionStatus.OPEN && s.getEnded() == null));
    }
}
