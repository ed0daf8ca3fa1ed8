package com.shellguard.audit;

import com.shellguard.common.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Reading the audit trail. */
@Stateless
public class AuditService {

    @Inject
    AuditRepository audit;

    public List<SessionRecord> sessions(AuditQuery query) {
        return audit.sessions(query);
    }

    public SessionRecord session(String id) {
        return audit.session(id).orElseThrow(() -> new NotFoundException("no session " + id));
    }

    public List<AuthEvent> authEvents(AuditQuery query) {
        return audit.authEvents(query);
    }
}
