package com.shellguard.adminaudit;

import com.shellguard.common.Clock;
import com.shellguard.export.AuditEventPublisher;
import com.shellguard.export.AuditEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The one place admin changes are written (and queued for the audit export in the same transaction). Services call it
 * once per change, inside the change's transaction, with
 * the resource's fields before (null: created) and after (null: deleted). It records nothing outside a request whose
 * actor a door identified: the gateway's own changes are not admin changes.
 */
@ApplicationScoped
public class AdminChangeRecorder {

    /** The kinds of resource the services record, for a filter to offer. */
    public static final List<String> KINDS = List.of("user", "group", "server", "account", "grant", "command-rule",
            "command-default", "token", "totp", "mfa-settings", "startup-files", "session", "access-approver",
            "access-settings");

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    AdminActor actor;

    @Inject
    AuditEventPublisher export;

    /**
     * @param kind     what was changed: {@code user}, {@code server}, {@code grant}, ... (the REST resource's word)
     * @param resource which one: its name or id ({@code server/login} for an account)
     * @param action   {@code create}, {@code update}, {@code delete}, or the resource's own verb ({@code unlock}, ...)
     */
    public void record(String kind, String resource, String action, ChangeFields before, ChangeFields after) {
        if (!actorKnown()) {
            return;
        }
        AdminChange change = new AdminChange(Clock.now(), actor, kind, resource, action, ChangeDescription.of(before, after));
        em.persist(change);
        export.publish(AuditEvents.admin(change));
        actor.countRecorded();
    }

    private boolean actorKnown() {
        try {
            return actor.known();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
