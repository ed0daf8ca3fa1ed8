package com.shellguard.session;

import com.shellguard.connector.api.Termination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The stored termination requests: made on any node, found by the node that relays the session. */
@ApplicationScoped
public class TerminationRequests {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    /** Records the request; a second request for the same session keeps the first. */
    public void add(TerminationRequest request) {
        if (em.find(TerminationRequest.class, request.getSessionId()) == null) {
            em.persist(request);
        }
    }

    public List<Termination> sessionsOn(String gatewayNode) {
        return em.createQuery("select t from TerminationRequest t where t.gatewayNode = :node", TerminationRequest.class)
                .setParameter("node", gatewayNode).getResultList().stream()
                .map(t -> new Termination(t.getSessionId(), t.getReason())).toList();
    }

    /** Removes the session's request, if there is one, and returns it: the session has ended. */
    public Optional<TerminationRequest> remove(String sessionId) {
        TerminationRequest request = em.find(TerminationRequest.class, sessionId);
        if (request != null) {
            em.remove(request);
        }
        return Optional.ofNullable(request);
    }

    /**
     * The node restarted or was lost: none of its sessions runs any more, so no request for them can still be carried
     * out. Returns the requests removed.
     */
    public List<TerminationRequest> removeAllOn(String gatewayNode) {
        List<TerminationRequest> pending = em.createQuery("select t from TerminationRequest t where t.gatewayNode = :node",
                TerminationRequest.class).setParameter("node", gatewayNode).getResultList();
        pending.forEach(em::remove);
        return pending;
    }
}
