package com.shellguard.transfer;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.command.audit.AlertKind;
import com.shellguard.command.audit.AlertRecord;
import com.shellguard.command.audit.CommandAuditRepository;
import com.shellguard.common.Clock;
import com.shellguard.connector.api.FileTransfer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The file-transfer audit: stores each file operation the connector reports with the session's user, server and
 * login, and raises a {@link AlertKind#PROTECTED_FILE} alert for every one the protected-files policy refused.
 */
@Stateless
public class TransferAuditService {

    @Inject
    TransferRepository transfers;

    @Inject
    AuditRepository sessions;

    @Inject
    CommandAuditRepository alerts;

    public void record(List<FileTransfer> reported) {
        for (FileTransfer t : reported) {
            Optional<SessionRecord> session = sessions.session(t.sessionId());
            String user = session.map(SessionRecord::getUserName).orElse(null);
            String server = session.map(SessionRecord::getServerName).orElse(null);
            FileTransferRecord row = new FileTransferRecord(Clock.ofMicros(t.timeMicros()), t.sessionId(), user, server,
                    session.map(SessionRecord::getLogin).orElse(null), t.action().name(), t.path(), t.otherPath(), t.bytes(),
                    t.result().name(), t.detail());
            transfers.add(row);
            if (t.result() == FileTransfer.Result.REFUSED) {
                alerts.add(new AlertRecord(row.getTime(), t.sessionId(), user, server, AlertKind.PROTECTED_FILE,
                        t.action().name().toLowerCase() + " refused: " + t.detail(), null));
            }
        }
    }

    public List<FileTransferRecord> transfers(TransferQuery query) {
        return transfers.transfers(query);
    }
}
