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
}
