package com.shellguard.access;

import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.connector.api.AccessAsk;
import com.shellguard.connector.api.TargetChoice;
import com.shellguard.grant.Grant;
import com.shellguard.grant.GrantRepository;
import com.shellguard.grant.GrantResolver;
import com.shellguard.grant.GrantRule;
import com.shellguard.grant.GrantService;
import com.shellguard.server.Server;
import com.shellguard.server.ServerAccount;
import com.shellguard.server.ServerRepository;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.Role;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Just-in-time access: a person files a request for a login they lack; an admin, or a member of the approver group
 * of one of the server's labels, approves it (it becomes a grant that ends when its minutes are up) or denies it. No
 * one decides their own request. Every step is an {@link AccessEvent} and a webhook notice.
 */
@Stateless
public class AccessRequestService {

    @Inject
    AccessRequests store;

    @Inject
    AccessApprovers approvers;

    @Inject
    UserRepository users;

    @Inject
    ServerRepository servers;

    @Inject
    GrantRepository grants;

    @Inject
    GrantService grantService;

    @Inject
    AccessNotifier notifier;

    /**
     * Files a request of {@code requester} (an enabled account); 400 for a malformed one or one for a server or label
     * that does not exist, 409 when it is not needed or the person has {@code maxPending} requests pending already.
     */
    public AccessRequest request(String requester, AccessAsked asked) {
        GatewayUser user = users.find(requester).filter(GatewayUser::isEnabled)
                .orElseThrow(() -> new ValidationException("unknown user " + requester));
        if ((asked.server() == null) == (asked.label() == null)) {
            throw new ValidationException("give exactly one of server or label");
        }
        String login = Names.require("login", asked.login());
        Server server = null;
        if (asked.server() != null) {
            server = servers.find(asked.server()).orElseThrow(() -> new ValidationException("server: no server " + asked.server()));
        } else {
            Names.require("label", asked.label());
            if (servers.all().stream().noneMatch(s -> s.getLabels().contains(asked.label()))) {
                throw new ValidationException("label: no server carries the label " + asked.label());
            }
        }
        Duration duration = duration(asked.minutes());
        String reason = asked.reason() == null ? "" : asked.reason().strip();
        if (reason.isEmpty()) {
            throw new ValidationException("reason is required");
        }
        if (reason.length() > 1000) {
            throw new ValidationException("reason is longer than 1000 characters");
        }
        if (server != null && GrantResolver.logins(rulesInForce(), requester, user.getGroups(), server.getName(),
                server.getLabels()).contains(login)) {
            throw new ConflictException(requester + " already has access as " + login + " on " + server.getName());
        }
        store.lock(user);
        int maxPending = store.settings().getMaxPending();
        if (store.pendingOf(requester).size() >= maxPending) {
            throw new ConflictException(requester + " has " + maxPending + " pending access requests, the most a person may have;"
                    + " withdraw one or wait for a decision");
        }
        if (store.pendingLike(requester, asked.server(), asked.label(), login)) {
            throw new ConflictException(requester + " already has a pending request for " + login + " on "
                    + (asked.server() != null ? asked.server() : "label " + asked.label()));
        }
        AccessRequest request = new AccessRequest(requester, asked.server(), asked.label(), login, duration, reason,
                asked.origin(), Clock.now());
        store.add(request);
        store.add(new AccessEvent(request.getCreated(), AccessEvent.Kind.REQUESTED, request.getId(), null, null, requester,
                request.target() + " for " + minutes(duration) + ": " + reason));
        notify("requested", request);
        return request;
    }

    /** A request typed in the SSH menu; the answer is the line the person is shown. */
    public String requestFromMenu(AccessAsk ask) {
        try {
            AccessRequest r = request(ask.user(), new AccessAsked(ask.server(), null, ask.login(), ask.minutes(),
                    ask.reason(), "ssh"));
            return "requested " + r.target() + " for " + minutes(r.getDuration()) + " (request " + r.getId()
                    + "), waiting for approval; connect again once it is approved";
        } catch (ValidationException | ConflictException e) {
            return "not requested: " + e.getMessage();
        }
    }

    public AccessRequest approve(String id, String approver, Role role, String comment) {
        AccessRequest request = decidable(id, approver, role);
        if (users.find(request.getRequester()).filter(GatewayUser::isEnabled).isEmpty()) {
            // a disabled person's grant would start working when the account is enabled again, and a deleted person's
            // (a request filed while the deletion ran) would go to whoever is given the name next
            throw new ConflictException(request.getRequester() + " has no enabled account; deny the request instead");
        }
        OffsetDateTime now = Clock.now();
        Grant grant = grantService.create(new GrantRule(request.getRequester(), null, request.getServerName(),
                request.getLabel(), List.of(request.getLogin())), now.plus(request.getDuration()));
        request.approve(approver, clean(comment), grant.getId(), now);
        store.add(new AccessEvent(now, AccessEvent.Kind.APPROVED, request.getId(), grant.getId(), null, approver, comment));
        store.add(new AccessEvent(now, AccessEvent.Kind.GRANT_CREATED, request.getId(), grant.getId(), null, approver,
                request.getRequester() + ": " + request.target() + " until " + request.getExpires()));
        notify("approved", request);
        return request;
    }

    public AccessRequest deny(String id, String approver, Role role, String comment) {
        AccessRequest request = decidable(id, approver, role);
        OffsetDateTime now = Clock.now();
        request.deny(approver, clean(comment), now);
        store.add(new AccessEvent(now, AccessEvent.Kind.DENIED, request.getId(), null, null, approver, comment));
        notify("denied", request);
        return request;
    }

    /** The person takes back their own pending request; another's is a 404 (403 if they may see it), a decided one a 409. */
    public AccessRequest withdraw(String id, String caller, Role role) {
        AccessRequest request = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("no access request " + id));
        if (!request.getRequester().equals(caller)) {
            if (!visible(request, caller, role)) {
                throw new NotFoundException("no access request " + id);
            }
            throw new AccessDenied("only " + request.getRequester() + " may withdraw their access request; an approver denies it");
        }
        if (request.getState() != AccessRequest.State.PENDING) {
            throw new ConflictException("access request " + id + " is " + request.getState() + " already");
        }
        withdrawn(request, caller, null);
        return request;
    }

    /**
     * Withdraws every pending request of a person whose account is being deleted (by {@code by}), so no approver
     * grants a later account of the same name what this one asked for; returns how many.
     */
    public int withdrawAllOf(String person, String by) {
        List<AccessRequest> pending = store.pendingOf(person);
        pending.forEach(r -> withdrawn(r, by, "the account " + person + " was deleted"));
        return pending.size();
    }

    private void withdrawn(AccessRequest request, String by, String why) {
        OffsetDateTime now = Clock.now();
        request.withdraw(by, why, now);
        store.add(new AccessEvent(now, AccessEvent.Kind.WITHDRAWN, request.getId(), null, null, by, why));
        notify("withdrawn", request);
    }

    /** The grants in force that give the person something, directly or through a group, newest first. */
    public List<Grant> grantsOf(String person) {
        Set<String> groups = users.find(person).map(GatewayUser::getGroups).orElse(Set.of());
        OffsetDateTime now = Clock.now();
        return grants.all().stream().filter(g -> g.inForceAt(now))
                .filter(g -> person.equals(g.rule().user()) || (g.rule().group() != null && groups.contains(g.rule().group())))
                .sorted(java.util.Comparator.comparing(Grant::getCreated, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                .toList();
    }

    /** The request, if the caller may see it: their own, one they may decide, or any for an admin or auditor. */
    public AccessRequest get(String id, String caller, Role role) {
        AccessRequest request = store.find(id).orElseThrow(() -> new NotFoundException("no access request " + id));
        if (!visible(request, caller, role)) {
            throw new NotFoundException("no access request " + id);
        }
        return request;
    }

    public List<AccessEvent> events(String requestId) {
        return store.events(requestId);
    }

    /** The requests the caller may see, newest first, filtered by state, requester, and {@code mine} (their own only). */
    public List<AccessRequest> list(String caller, Role role, AccessRequest.State state, String requester, boolean mine) {
        if (mine && requester != null && !requester.equals(caller)) {
            return List.of();
        }
        List<AccessRequest> all = store.list(state, mine ? caller : requester);
        if (role == Role.ADMIN || role == Role.AUDITOR) {
            return all;
        }
        return all.stream().filter(r -> visible(r, caller, role)).toList();
    }

    /** Whether the caller may approve or deny the request: not their own; an admin, or in an approver group for it. */
    public boolean mayDecide(AccessRequest request, String caller, Role role) {
        if (request.getRequester().equals(caller)) {
            return false;
        }
        if (role == Role.ADMIN) {
            return true;
        }
        Set<String> groups = approvers.groupsFor(labelsOf(request));
        return users.find(caller).filter(GatewayUser::isEnabled)
                .map(u -> u.getGroups().stream().anyMatch(groups::contains)).orElse(false);
    }

    /**
     * For the SSH menu: each stored login of each server under a label that has an approver group (or of every server
     * when {@code *} has one) that the person is not granted now.
     */
    public List<TargetChoice> requestableTargets(String userName) {
        GatewayUser user = users.find(userName).filter(GatewayUser::isEnabled).orElse(null);
        if (user == null || approvers.list().isEmpty()) {
            return List.of();
        }
        List<GrantRule> rules = rulesInForce();
        List<TargetChoice> choices = new ArrayList<>();
        for (Server server : servers.all().stream().sorted(java.util.Comparator.comparing(Server::getName)).toList()) {
            if (approvers.groupsFor(server.getLabels()).isEmpty()) {
                continue;
            }
            Set<String> granted = GrantResolver.logins(rules, userName, user.getGroups(), server.getName(), server.getLabels());
            servers.accounts(server).stream().map(ServerAccount::getLogin).sorted().filter(l -> !granted.contains(l))
                    .forEach(l -> choices.add(new TargetChoice(server.getName(), l, server.getDescription())));
        }
        return choices;
    }

    private AccessRequest decidable(String id, String caller, Role role) {
        AccessRequest request = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("no access request " + id));
        if (request.getRequester().equals(caller)) {
            throw new AccessDenied(caller + " may not decide their own access request");
        }
        if (!mayDecide(request, caller, role)) {
            if (!visible(request, caller, role)) {
                throw new NotFoundException("no access request " + id);
            }
            throw new AccessDenied(caller + " is not an approver for " + request.target());
        }
        if (request.getState() != AccessRequest.State.PENDING) {
            throw new ConflictException("access request " + id + " is " + request.getState() + " already");
        }
        return request;
    }

    private boolean visible(AccessRequest request, String caller, Role role) {
        return role == Role.ADMIN || role == Role.AUDITOR || request.getRequester().equals(caller)
                || mayDecide(request, caller, role);
    }

    private Set<String> labelsOf(AccessRequest request) {
        if (request.getLabel() != null) {
            return Set.of(request.getLabel());
        }
        return servers.find(request.getServerName()).map(Server::getLabels).orElse(Set.of());
    }

    private Duration duration(Double minutes) {
        if (minutes == null) {
            throw new ValidationException("minutes is required");
        }
        int max = store.settings().getMaxMinutes();
        if (!(minutes > 0) || minutes > max) {
            throw new ValidationException("minutes must be above 0 and at most " + max);
        }
        long seconds = Math.round(minutes * 60);
        if (seconds < 1) {
            throw new ValidationException("minutes must come to at least one second");
        }
        return Duration.ofSeconds(seconds);
    }

    private List<GrantRule> rulesInForce() {
        OffsetDateTime now = Clock.now();
        return grants.all().stream().filter(g -> g.inForceAt(now)).map(Grant::rule).toList();
    }

    private void notify(String event, AccessRequest request) {
        notifier.notify(event, request);
    }

    static String minutes(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " minute" + (s == 60 ? "" : "s") : s + " seconds";
    }

    private static String clean(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String c = comment.strip();
        return c.length() <= 1000 ? c : c.substring(0, 1000);
    }
}
