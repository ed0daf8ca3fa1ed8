package com.shellguard.grant;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.connector.api.ForwardDestination;
import com.shellguard.connector.api.ForwardKind;
import com.shellguard.server.ServerRepository;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Stateless
public class GrantService {

    @Inject
    AdminChangeRecorder changes;

    @Inject
    GrantRepository grants;

    @Inject
    UserRepository users;

    @Inject
    ServerRepository servers;

    public Grant create(GrantRule rule) {
        return create(rule, null);
    }

    /** A grant that ends at {@code expires} (null: until deleted); a time already past is a 400. */
    public Grant create(GrantRule rule, OffsetDateTime expires) {
        OffsetDateTime now = Clock.now();
        Grant grant = new Grant(validated(rule), now);
        grant.setExpires(future(expires, now));
        grants.add(grant);
        changes.record("grant", grant.getId(), "create", null, fields(grant));
        return grant;
    }

    /** Changes the grant's rule, and its expiry when {@code changeExpiry} (null: none). */
    public Grant update(String id, GrantRule rule, boolean changeExpiry, OffsetDateTime expires) {
        Grant grant = update(id, rule);
        if (changeExpiry) {
            grant.setExpires(future(expires, Clock.now()));
        }
        return grant;
    }

    private static OffsetDateTime future(OffsetDateTime expires, OffsetDateTime now) {
        if (expires != null && !expires.isAfter(now)) {
            throw new ValidationException("expires must be in the future");
        }
        return expires;
    }

    public Grant update(String id, GrantRule rule) {
        Grant grant = get(id);
        ChangeFields before = fields(grant);
        grant.assign(validated(rule));
        changes.record("grant", id, "update", before, fields(grant));
        return grant;
    }

    public void delete(String id) {
        Grant grant = get(id);
        changes.record("grant", id, "delete", fields(grant), null);
        grants.remove(grant);
    }

    public Grant get(String id) {
        return grants.find(id).orElseThrow(() -> new NotFoundException("no grant " + id));
    }

    public List<Grant> list() {
        return grants.all();
    }

    private static ChangeFields fields(Grant grant) {
        GrantRule r = grant.rule();
        return ChangeFields.of().put("user", r.user()).put("group", r.group()).put("server", r.server()).put("label", r.label())
                .put("logins", r.logins()).put("forwarding", r.forwarding()).put("forwardTo", r.forwardTo());
    }

    private GrantRule validated(GrantRule rule) {
        if ((rule.user() == null) == (rule.group() == null)) {
            throw new ValidationException("give exactly one of user or group");
        }
        if ((rule.server() == null) == (rule.label() == null)) {
            throw new ValidationException("give exactly one of server or label");
        }
        if (rule.logins() == null || rule.logins().isEmpty()) {
            throw new ValidationException("logins must list at least one login");
        }
        rule.logins().forEach(l -> Names.require("logins[]", l));
        if (rule.user() != null && users.find(rule.user()).isEmpty()) {
            throw new ValidationException("user: no user " + rule.user());
        }
        if (rule.group() != null && users.findGroup(rule.group()).isEmpty()) {
            throw new ValidationException("group: no group " + rule.group());
        }
        if (rule.server() != null && servers.find(rule.server()).isEmpty()) {
            throw new ValidationException("server: no server " + rule.server());
        }
        if (rule.label() != null) {
            Names.require("label", rule.label());
        }
        return new GrantRule(rule.user(), rule.group(), rule.server(), rule.label(), List.copyOf(rule.logins()),
                forwarding(rule.forwarding()), forwardTo(rule.forwardTo()));
    }

    private static Set<String> forwarding(Set<String> kinds) {
        Set<String> valid = new TreeSet<>();
        for (String kind : kinds) {
            ForwardKind known = ForwardKind.ofWire(kind == null ? "" : kind.trim());
            if (known == null) {
                throw new ValidationException("forwarding: unknown kind \"" + kind + "\" (use local, remote or dynamic)");
            }
            valid.add(known.wire());
        }
        return valid;
    }

    private static List<String> forwardTo(List<String> patterns) {
        List<String> valid = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                String normal = ForwardDestination.parse(pattern).toString();
                if (!valid.contains(normal)) {
                    valid.add(normal);
                }
            } catch (IllegalArgumentException e) {
                throw new ValidationException(e.getMessage());
            }
        }
        return valid;
    }
}
