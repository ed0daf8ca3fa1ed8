package com.shellguard.cluster;

import com.shellguard.audit.SessionRecord;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of the sessions a node still relays it must end because another node took it for lost: those whose audit
 * rows the survivor closed as {@code NODE_LOST}. The audit says they ended, an administrator can no longer end them
 * (they are not running, as far as the API knows), the end of their grant no longer reaches them: left running, they
 * would be sessions nobody watches. A row still open, or closed some other way (the node's own end, written before the
 * session left the node's memory), is not this decision's business.
 */
final class SelfFence {

    /** A session this node relays, as its audit row reads now; {@code message} is null while the row is open. */
    record Held(String sessionId, boolean ended, String message) {
    }

    private SelfFence() {
    }

    /** The sessions to end, by id, each with the line its user is shown. */
    static Map<String, String> toEnd(String self, Collection<Held> held) {
        Map<String, String> end = new LinkedHashMap<>();
        for (Held h : held) {
            if (h.ended() && h.message() != null && h.message().startsWith(SessionRecord.NODE_LOST)
                    && !h.message().contains(SessionRecord.ALIVE_AFTER_ALL)) {
                end.put(h.sessionId(), line(self));
            }
        }
        return end;
    }

    static String line(String self) {
        return "this gateway node (" + self + ") stopped answering for a while and the cluster took it for lost, so the"
                + " audit closed this session: it ends now; log in again to go on";
    }
}
