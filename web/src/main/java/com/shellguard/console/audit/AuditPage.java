package com.shellguard.console.audit;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.command.audit.Verdict;
import com.shellguard.console.PagedView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The audit search: the filters, one page of rows, the pages before and after, and the export of the search. */
@Named
@ViewScoped
public class AuditPage extends PagedView<Object> {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditReader reader;

    private final AuditSearch search = new AuditSearch();

    @Override
    @SuppressWarnings("unchecked")
    protected List<Object> fetch(int limit, int offset) {
        return (List<Object>) reader.rows(search, limit, offset);
    }

    @Override
    protected String rowsName() {
        return "rows";
    }

    public AuditSearch getSearch() {
        return search;
    }

    public AuditKind[] getKinds() {
        return AuditKind.values();
    }

    /** The kinds of resource the admin audit records, offered in its filter (any other word may be typed). */
    public List<String> getResourceKinds() {
        return AdminChangeRecorder.KINDS;
    }

    public Verdict[] getVerdicts() {
        return Verdict.values();
    }
}
