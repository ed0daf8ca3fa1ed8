package com.shellguard.console;

import java.io.Serializable;
import java.util.List;

/**
 * What the console's list-and-form pages share: the list, read once per view until a change, and the one entry
 * the form edits ({@code editing} null: a new one). A change that the service refuses is shown on the page
 * ({@link Feedback}); one that goes through re-reads the list. The page bean keeps only what is particular to
 * its entries: how to read them, fill the form, and call its service.
 */
public abstract class EditorPage<R> implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient List<R> rows;
    protected String editing;

    public List<R> getRows() {
        if (rows == null) {
            rows = loadRows();
        }
        return rows;
    }

    public String getEditing() {
        return editing;
    }

    /** Fills the form with an entry. */
    public abstract void edit(String key);

    /** Empties the form for a new entry. */
    public abstract void startNew();

    protected abstract List<R> loadRows();

    /** The list is read again at its next use. */
    protected void reload() {
        rows = null;
    }

    /**
     * Creates the entry (when the form edits none) or updates the one it edits, and says so ("Created rule x.");
     * true when it went through.
     */
    protected boolean saved(String what, Runnable create, Runnable update) {
        boolean creating = editing == null;
        if (!Feedback.attempt(creating ? create : update, (creating ? "Created " : "Saved ") + what + ".")) {
            return false;
        }
        reload();
        return true;
    }

    /** Deletes an entry and says so; the form empties when it was editing that entry. */
    protected void deleted(String what, String key, Runnable delete) {
        if (Feedback.attempt(delete, "Deleted " + what + ".")) {
            if (key.equals(editing)) {
                startNew();
            }
            reload();
        }
    }
}
