package com.shellguard.access;

import jakarta.enterprise.context.ApplicationScoped;
import com.shellguard.user.GatewayUser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The stored requests, their audit steps, the approver groups per label and the settings row. */
@ApplicationScoped
public class AccessRequests {

    /** The most requests a listing returns, newest first. */
    static final int LIST_LIMIT = 1000;

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    public void add(AccessRequest request) {
        em.persist(request);
    }

    public Optional<AccessRequest> find(String id) {
        return Optional.ofNullable(em.find(AccessRequest.class, id));
    }

    /**
     * The request read afresh and held until the transaction ends, for a step that changes its state: two steps on one
     * request (an approval and a denial, a withdrawal) take turns, so the second sees the first's outcome instead of
     * overwriting it and both succeeding (one of them making a grant).
     */
    public Optional<AccessRequest> findForUpdate(String id) {
        return Optional.ofNullable(em.find(AccessRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<AccessRequest> ofGrant(String grantId) {
        return em.createQuery("select r from AccessRequest r where r.grantId = :grant", AccessRequest.class)
                .setParameter("grant", grantId).getResultStream().findFirst();
    }

    /** Newest first; null filters match everything. */
    public List<AccessRequest> list(AccessRequest.State state, String requester) {
        return em.createQuery("select r from AccessRequest r where (:state is null or r.state = :state)"
                        + " and (:user is null or r.requester = :user) order by r.created desc", AccessRequest.class)
                .setParameter("state", state).setParameter("user", requester).setMaxResults(LIST_LIMIT).getResultList();
    }

    public boolean pendingLike(String requester, String server, String label, String login) {
        return em.createQuery("select r from AccessRequest r where r.state = :pending and r.requester = :user"
                        + " and r.login = :login", AccessRequest.class)
                .setParameter("pending", AccessRequest.State.PENDING).setParameter("user", requester)
                .setParameter("login", login).getResultStream()
                .anyMatch(r -> java.util.Objects.equals(r.getServerName(), server) && java.util.Objects.equals(r.getLabel(), label));
    }

    public List<AccessRequest> pendingOf(String requester) {
        return em.createQuery("select r from AccessRequest r where r.state = :pending and r.requester = :user"
                        + " order by r.created", AccessRequest.class)
                .setParameter("pending", AccessRequest.State.PENDING).setParameter("user", requester).getResultList();
    }

    /** Holds the person's account row until the transaction ends, so their requests are counted one at a time. */
    public void lock(GatewayUser person) {
        em.lock(person, LockModeType.PESSIMISTIC_WRITE);
    }

    public void add(AccessEvent event) {
        em.persist(event);
    }

    public List<AccessEvent> events(String requestId) {
        return em.createQuery("select e from AccessEvent e where e.requestId = :id order by e.time, e.kind", AccessEvent.class)
                .setParameter("id", requestId).getResultList();
    }

    public List<AccessApprover> approvers() {
        return em.createQuery("select a from AccessApprover a order by a.label", AccessApprover.class).getResultList();
    }

    public Optional<AccessApprover> approver(String label) {
        return Optional.ofNullable(em.find(AccessApprover.class, label));
    }

    public void add(AccessApprover approver) {
        em.persist(approver);
    }

    public void remove(AccessApprover approver) {
        em.remove(approver);
    }

    /** The settings row, or the defaults when none was ever stored. */
    public AccessSettings settings() {
        AccessSettings row = em.find(AccessSettings.class, AccessSettings.ID);
        return row == null ? new AccessSettings() : row;
    }

    public AccessSettings storedSettings() {
        AccessSettings row = em.find(AccessSettings.class, AccessSettings.ID);
        if (row == null) {
            row = new AccessSettings();
            em.persist(row);
        }
        return row;
    }
}
