package com.shellguard.command.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Reading the command audit and the alerts. */
@Stateless
public class CommandAuditService {

    @Inject
    CommandAuditRepository records;

    public List<CommandRecord> commands(CommandQuery query) {
        return records.commands(query);
    }

    public List<AlertRecord> alerts(AlertQuery query) {
        return records.alerts(query);
    }

    /** How many alerts were raised in the last {@code hours} hours. */
    public long recentAlerts(int hours) {
        return records.countAlertsSince(com.shellguard.common.Clock.now().minusHours(hours));
    }
}
