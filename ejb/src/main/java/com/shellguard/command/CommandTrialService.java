package com.shellguard.command;

import com.shellguard.command.audit.Verdict;
import com.shellguard.command.policy.LineTrial;
import com.shellguard.command.policy.PolicyCache;
import com.shellguard.command.policy.SessionScope;
import com.shellguard.common.NotFoundException;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.server.Server;
import com.shellguard.server.ServerRepository;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Tries a command line against the rules in force, as if typed in a session of this user on this server
 * as this login, so an admin can see which rule would decide it before anyone types it. The same policy
 * and evaluator the gateway decides with; nothing is recorded. A user or server left out matches only
 * rules that do not name one.
 */
@Stateless
public class CommandTrialService {

    @Inject
    PolicyCache policies;

    @Inject
    UserRepository users;

    @Inject
    ServerRepository servers;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CommandTrial tryLine(String line, String user, String server, String login) {
        Set<String> groups = blank(user) ? Set.of()
                : users.find(user).map(GatewayUser::getGroups).orElseThrow(() -> new NotFoundException("no user " + user));
        Set<String> labels = blank(server) ? Set.of()
                : servers.find(server).map(Server::getLabels).orElseThrow(() -> new NotFoundException("no server " + server));
        SessionScope scope = new SessionScope(blank(user) ? null : user, groups, blank(server) ? null : server, labels,
                blank(login) ? null : login);
        CommandVerdict verdict = LineTrial.decide(policies.current().forSession(scope), line);
        return new CommandTrial(Verdict.of(verdict), verdict.rule(), verdict.reason());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
