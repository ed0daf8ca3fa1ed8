package com.shellguard.console.audit;

import com.shellguard.adminaudit.AdminAuditService;
import com.shellguard.audit.AuditService;
import com.shellguard.command.audit.CommandAuditService;
import com.shellguard.transfer.TransferAuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Runs an audit search against the audit services: one page of rows of the search's kind, newest first. */
@ApplicationScoped
public class AuditReader {

    @Inject
    AuditService audit;

    @Inject
    CommandAuditService commands;

    @Inject
    TransferAuditService transfers;

    @Inject
    AdminAuditService admin;

    public List<?> rows(AuditSearch search, int limit, int offset) {
        return switch (search.getKind()) {
            case SESSIONS -> audit.sessions(search.common(limit, offset));
            case COMMANDS -> commands.commands(search.commands(limit, offset));
            case TRANSFERS -> transfers.transfers(search.transfers(limit, offset));
            case AUTHENTICATION -> audit.authEvents(search.common(limit, offset));
            case ADMIN_CHANGES -> admin.changes(search.admin(limit, offset));
        };
    }
}
