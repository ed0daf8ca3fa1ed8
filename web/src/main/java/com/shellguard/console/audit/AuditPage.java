package com.shellguard.console.audit;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.command.audit.Verdict;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The audit search: the filters, one page of rows, the pages before and after, and the export of the search. */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE = 50;

    @Inject
    AuditReader reader;

    private final AuditSearch search = new AuditSearch();
    private int offset;
    private transient List<?> rows;
    private transient boolean more;

    public List<?> getRows() {
        if (rows == null) {
            // one row beyond the page says whether there is a next page
            List<?> fetched = reader.rows(search, PAGE + 1, offset);
            more = fetched.size() > PAGE;
            rows = more ? fetched.subList(0, PAGE) : fetched;
        }
        return rows;
    }

    public void search() {
        offset = 0;
        rows = null;
    }

    public void next() {
        if (hasNext()) {
            offset += PAGE;
            rows = null;
        }
    }

    public void previous() {
        offset = Math.max(0, offset - PAGE);
        rows = null;
    }

    public boolean hasNext() {
        getRows();
        return more;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    /** Rows shown, as "51-100". */
    public String getShown() {
        int n = getRows().size();
        return n == 0 ? "no rows" : "rows " + (offset + 1) + "-" + (offset + n);
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
