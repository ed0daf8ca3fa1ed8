package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.ArgvCut;
import com.shellguard.connector.api.CommandCompletion;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.ShellRole;
import com.shellguard.connector.api.TypedLine;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of the node's memory an audit record holds while it waits to be written, and the record cut to what the
 * audit stores of it. A hook message may be a mebibyte (a command line as long as the shell took it, an alert's
 * text), and the watched user decides how long: the audit columns keep 8192 characters of a command or a line, 1024
 * of a path, 2048 of an alert ({@code ejb/.../CommandRecord}, {@code AlertRecord}), so what waits for the database is
 * cut to that when it is queued, after the verdict (a rule still sees the whole command). The memory bounds of the
 * audit's path ({@link CommandAuditQueue#MAX_PER_SESSION}, {@code SHELLGUARD_AUDIT_MEMORY_EVENTS}) count
 * {@linkplain #weight weights}, not items: a record weighs one and one more for each {@value #UNIT} characters, so a
 * flood of long records reaches the bound with as many bytes as a flood of short ones, not a thousand times more.
 */
final class AuditSize {

    /** Characters per unit of weight beyond the first. */
    static final int UNIT = 256;
    /** The audit's column sizes (ejb {@code CommandRecord}: TEXT, FILE, NAME; {@code AlertRecord}: detail). */
    static final int TEXT = 8192;
    static final int FILE = 1024;
    static final int NAME = 128;
    static final int ID = 64;
    static final int ALERT = 2048;
    /** Characters kept of a word list the audit does not store ({@code words}, {@code sameAs}), in all. */
    static final int LIST = 1024;

    private AuditSize() {
    }

    static CommandEvent clip(CommandEvent event) {
        CommandFacts f = event.facts();
        if (f == null || chars(f) <= FILE) {
            return event;
        }
        CommandFacts cut = new CommandFacts(cut(f.commandId(), ID), f.startMicros(), f.role(), f.flags(), f.subshell(),
                cut(f.source(), FILE), f.line(), cut(f.function(), NAME), cut(f.cwd(), FILE), f.resolution(),
                cut(f.word(), FILE), cut(f.path(), FILE), cut(f.canonical(), FILE), cut(f.sameAs()), cut(f.lineId(), ID),
                cut(f.alias(), NAME), text(f), cut(f.shell(), 16), cut(f.words()), cut(f.caller(), FILE),
                cut(f.parent(), FILE), cut(f.uid(), 16));
        return new CommandEvent(event.sessionId(), cut, event.question(), event.verdict());
    }

    static TypedLine clip(TypedLine line) {
        String text = line.text();
        String id = line.lineId();
        if ((text == null || text.length() <= TEXT) && (id == null || id.length() <= ID)) {
            return line;
        }
        return new TypedLine(line.sessionId(), cut(id, ID), cut(text, TEXT), line.timeMicros());
    }

    static SessionAlert clip(SessionAlert alert) {
        if (alert.detail() == null || alert.detail().length() <= ALERT) {
            return alert;
        }
        return new SessionAlert(alert.sessionId(), alert.kind(), cut(alert.detail(), ALERT), alert.timeMicros());
    }

    /** The weight of one queued record: 1, and 1 for each further {@value #UNIT} characters it holds. */
    static int weight(Object item) {
        long chars;
        if (item instanceof CommandEvent e) {
            chars = e.facts() == null ? 0 : chars(e.facts());
        } else if (item instanceof TypedLine l) {
            chars = length(l.text()) + length(l.lineId());
        } else if (item instanceof SessionAlert a) {
            chars = length(a.detail());
        } else if (item instanceof CommandCompletion c) {
            chars = length(c.commandId());
        } else {
            chars = 0;
        }
        return (int) (1 + chars / UNIT);
    }

    /** The weight of a batch: the sum of its records'. */
    static long weight(CommandRecordBatch batch) {
        long total = 0;
        for (List<?> part : List.of(batch.commands(), batch.completions(), batch.lines(), batch.alerts(), batch.ends())) {
            for (Object item : part) {
                total += weight(item);
            }
        }
        return total;
    }

    private static long chars(CommandFacts f) {
        long n = length(f.commandId()) + length(f.source()) + length(f.function()) + length(f.cwd()) + length(f.word())
                + length(f.path()) + length(f.canonical()) + length(f.lineId()) + length(f.alias()) + length(f.text())
                + length(f.shell()) + length(f.caller()) + length(f.parent()) + length(f.uid());
        for (String s : f.sameAs()) {
            n += length(s);
        }
        for (String s : f.words()) {
            n += length(s);
        }
        return n;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /**
     * {@code s} within {@code max} characters; a longer one ends with a note of its whole length, so an auditor sees
     * that there was more (padding put before a payload otherwise hid the payload, and the cut, from the audit).
     */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        String note = " [cut by the audit: " + s.length() + " characters in all]";
        return note.length() >= max ? s.substring(0, max) : s.substring(0, max - note.length()) + note;
    }

    /**
     * The command's text within the column. A program start the exec guard or the supervisor could send only in part
     * ends with their mark ({@link ArgvCut}); cut again here, it keeps that mark after the audit's own note, so the row
     * says both how long the text was and how much the start had.
     */
    private static String text(CommandFacts f) {
        String text = f.text();
        boolean start = f.role() == ShellRole.GUARD || f.role() == ShellRole.SUPERVISOR;
        if (text == null || text.length() <= TEXT || !start || ArgvCut.in(text).isEmpty()) {
            return cut(text, TEXT);
        }
        String note = " [cut by the audit: " + text.length() + " characters in all] " + text.substring(text.lastIndexOf("[cut by "));
        return text.substring(0, TEXT - note.length()) + note;
    }

    private static List<String> cut(List<String> list) {
        List<String> kept = new ArrayList<>();
        int left = LIST;
        for (String s : list) {
            if (s.length() > left) {
                break;
            }
            kept.add(s);
            left -= s.length();
        }
        return kept;
    }
}
