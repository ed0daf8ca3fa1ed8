package com.shellguard.access;

import com.shellguard.audit.AuditQuery;
import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.common.Clock;
import com.shellguard.grant.Grant;
import com.shellguard.grant.GrantRepository;
import com.shellguard.grant.GrantResolver;
import com.shellguard.grant.GrantRule;
import com.shellguard.server.Server;
import com.shellguard.server.ServerRepository;
import com.shellguard.session.SessionTerminator;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ends a grant whose time is up: each live session of its people that it carried (no other grant in force gives that
 * login on that server) is ended with the line {@code your access to web01 as root expired at ...}, the grant is
 * removed, its access request becomes {@code EXPIRED}, and each step is audited. The grant row is locked while this
 * runs, so two nodes' timers expire it once.
 */
@Stateless
public class AccessExpiry {

    static final String ACTOR = "shellguard";

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    GrantRepository grants;

    @Inject
    UserRepository users;

    @Inject
    ServerRepository servers;

    @Inject
    AuditRepository audit;

    @Inject
    SessionTerminator terminator;

    @Inject
    AccessRequests store;

    @Inject
    AccessNotifier notifier;

    public List<String> due() {
        return grants.expiredBy(Clock.now()).stream().map(Grant::getId).toList();
    }

    /** Expires the grant if it is still there and due; returns the number of sessions it ended. */
    public int expire(String grantId) {
        Grant grant = em.find(Grant.class, grantId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = Clock.now();
        if (grant == null || grant.inForceAt(now)) {
            return 0;
        }
        GrantRule rule = grant.rule();
        Optional<AccessRequest> request = store.ofGrant(grantId);
        String requestId = request.map(AccessRequest::getId).orElse(null);
        List<GrantRule> remaining = grants.all().stream().filter(g -> !g.getId().equals(grantId))
                .filter(g -> g.inForceAt(now)).map(Grant::rule).toList();
        List<String> people = rule.user() != null ? List.of(rule.user())
                : users.inGroup(rule.group()).stream().map(GatewayUser::getUsername).toList();
        int ended = 0;
        for (String person : people) {
            Set<String> groups = users.find(person).map(GatewayUser::getGroups).orElse(Set.of());
            for (SessionRecord session : audit.sessions(new AuditQuery(person, null, true, null, null, AuditQuery.MAX_LIMIT, 0))) {
                Server server = session.getServerName() == null ? null : servers.find(session.getServerName()).orElse(null);
                if (server == null || session.getLogin() == null || !carried(rule, person, groups, server, session.getLogin())
                        || GrantResolver.logins(remaining, person, groups, server.getName(), server.getLabels())
                        .contains(session.getLogin())) {
                    continue;
                }
                String reason = "your access to " + server.getName() + " as " + session.getLogin() + " expired at "
                        + grant.getExpires().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                terminator.end(session, reason);
                store.add(new AccessEvent(now, AccessEvent.Kind.SESSION_ENDED, requestId, grantId, session.getId(), ACTOR,
                        person + ": " + reason));
                ended++;
            }
        }
        store.add(new AccessEvent(now, AccessEvent.Kind.GRANT_EXPIRED, requestId, grantId, null, ACTOR,
                describe(rule) + " expired at " + grant.getExpires() + "; " + ended + " live session(s) ended"));
        grants.remove(grant);
        request.ifPresent(r -> {
            r.expire();
            notifier.notify("expired", r);
        });
        return ended;
    }

    private static boolean carried(GrantRule rule, String person, Set<String> groups, Server server, String login) {
        return rule.appliesTo(person, groups, server.getName(), server.getLabels()) && rule.logins().contains(login);
    }

    private static String describe(GrantRule rule) {
        return "grant of " + String.join(", ", rule.logins()) + " on "
                + (rule.server() != null ? rule.server() : "label " + rule.label()) + " to "
                + (rule.user() != null ? rule.user() : "group " + rule.group());
    }
}
