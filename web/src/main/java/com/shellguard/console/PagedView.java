package com.shellguard.console;

import java.io.Serializable;
import java.util.List;

/**
 * A console view that shows a search's results 50 rows a page, newest first, with links to the pages before
 * and after. One row beyond the page is fetched to know whether a next page exists, so no count query runs.
 */
public abstract class PagedView<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int PAGE = 50;

    private int offset;
    private transient List<T> rows;
    private transient boolean more;

    /** Up to {@code limit} rows of the current search, skipping the first {@code offset}. */
    protected abstract List<T> fetch(int limit, int offset);

    /** What a row is called in the "rows 51-100" line, in the plural. */
    protected abstract String rowsName();

    public List<T> getRows() {
        if (rows == null) {
            List<T> fetched = fetch(PAGE + 1, offset);
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

    /** Rows shown, as "rows 51-100". */
    public String getShown() {
        int n = getRows().size();
        return n == 0 ? "no " + rowsName() : rowsName() + " " + (offset + 1) + "-" + (offset + n);
    }
}
