package com.shellguard.connector.adapter.hook;

import static com.shellguard.connector.api.CommandField.ALIAS;
import static com.shellguard.connector.api.CommandField.CALLER;
import static com.shellguard.connector.api.CommandField.CANONICAL;
import static com.shellguard.connector.api.CommandField.CWD;
import static com.shellguard.connector.api.CommandField.FLAGS;
import static com.shellguard.connector.api.CommandField.FUNCTION;
import static com.shellguard.connector.api.CommandField.ID;
import static com.shellguard.connector.api.CommandField.LINE;
import static com.shellguard.connector.api.CommandField.LINE_ID;
import static com.shellguard.connector.api.CommandField.PARENT;
import static com.shellguard.connector.api.CommandField.PATH;
import static com.shellguard.connector.api.CommandField.RESOLUTION;
import static com.shellguard.connector.api.CommandField.ROLE;
import static com.shellguard.connector.api.CommandField.SAME_AS;
import static com.shellguard.connector.api.CommandField.SOURCE;
import static com.shellguard.connector.api.CommandField.START;
import static com.shellguard.connector.api.CommandField.SUBSHELL;
import static com.shellguard.connector.api.CommandField.TEXT;
import static com.shellguard.connector.api.CommandField.UID;
import static com.shellguard.connector.api.CommandField.WORD;
import static com.shellguard.connector.api.CommandField.WORDS;

import com.shellguard.connector.api.CommandCompletion;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandField;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The hook protocol's text format (scripts/target/protocol/PROTOCOL.md): fields separated by US, text fields with
 * backslash escapes for a backslash, a newline (n) and a US (u), replies the hook parses with {@code read}. The command
 * fields and their values are the generated {@link CommandField}, {@link ShellRole}, {@link Resolution} and
 * {@link com.shellguard.connector.api.CommandFlag} (scripts/target/protocol/protocol.def). Pure functions, so the format
 * is tested without a shell; HookConformanceTest feeds it what the real hooks send.
 */
final class HookWire {

    static final char US = '\u001f';
    static final char RS = '\u001e';

    private HookWire() {
    }

    static List<String> fields(String message) {
        return Arrays.asList(message.split(String.valueOf(US), -1));
    }

    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'u' -> US;
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The facts of a Q or R message; empty when it is malformed (a hook never sends that, a forger might): too few
     * fields, a number that is none, a role, resolution or flag the protocol does not have.
     */
    static Optional<CommandFacts> facts(List<String> f, String shell) {
        if (f.size() < CommandField.REQUIRED) {
            return Optional.empty();
        }
        Optional<ShellRole> role = ShellRole.of(f.get(ROLE.position()));
        Optional<CommandFlags> flags = CommandFlags.parse(f.get(FLAGS.position()));
        Optional<Resolution> resolution = Resolution.of(f.get(RESOLUTION.position()));
        if (role.isEmpty() || flags.isEmpty() || resolution.isEmpty()) {
            return Optional.empty();
        }
        try {
            String wordList = optional(f, WORDS);
            List<String> words = wordList.isEmpty() ? List.of() : Arrays.asList(wordList.split(String.valueOf(RS)));
            return Optional.of(new CommandFacts(f.get(ID.position()), micros(f.get(START.position())), role.get(),
                    flags.get(), integer(f.get(SUBSHELL.position())), text(f, SOURCE), integer(f.get(LINE.position())),
                    f.get(FUNCTION.position()), text(f, CWD), resolution.get(), text(f, WORD), text(f, PATH),
                    text(f, CANONICAL), names(f.get(SAME_AS.position())), f.get(LINE_ID.position()),
                    f.get(ALIAS.position()), text(f, TEXT), shell, words, optional(f, CALLER), optional(f, PARENT), optional(f, UID)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How far a command's reported start may lie before its report arrives (a gateway slow to read it) or after. */
    static final long START_BEFORE_MICROS = 600_000_000L;
    static final long START_AFTER_MICROS = 60_000_000L;

    /**
     * The facts with a start time the gateway can believe: a hook reports a command as it starts, so a start more than
     * {@value #START_BEFORE_MICROS} µs before {@code nowMicros} or {@value #START_AFTER_MICROS} µs after it is a forger's
     * (with the session's key, anyone can claim 1970 or the year 294,000 and put a command's row outside every time
     * range an auditor asks for); it is replaced by the time the report arrived. So is a start before
     * {@code sessionMicros}, when the gateway set the session's hook up: no command of the session ran before it, and
     * a forger within the ten minutes dated a command before the session's own start.
     */
    static CommandFacts believableStart(CommandFacts f, long nowMicros, long sessionMicros) {
        long start = f.startMicros();
        if (start >= Math.max(nowMicros - START_BEFORE_MICROS, sessionMicros) && start <= nowMicros + START_AFTER_MICROS) {
            return f;
        }
        return new CommandFacts(f.commandId(), nowMicros, f.role(), f.flags(), f.subshell(), f.source(), f.line(),
                f.function(), f.cwd(), f.resolution(), f.word(), f.path(), f.canonical(), f.sameAs(), f.lineId(), f.alias(),
                f.text(), f.shell(), f.words(), f.caller(), f.parent(), f.uid());
    }

    private static String text(List<String> f, CommandField field) {
        return unescape(f.get(field.position()));
    }

    /**
     * A finished command, from the "done" field of Q/R or an E message: {@code id,status,startMicros,endMicros}.
     * Empty for an empty or malformed field.
     */
    static Optional<CommandCompletion> completion(String sessionId, String done) {
        String[] p = done.split(",", -1);
        if (p.length != 4 || p[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CommandCompletion(sessionId, p[0], Integer.parseInt(p[1]), micros(p[2]), micros(p[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One history entry: its number and the line as typed. */
    record HistoryEntry(long number, String text) {
    }

    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("(?m)^\\s*(\\d+)[* ] ");

    /**
     * The typed lines of an L record: {@code history N} output, the entries since the last reported line, each
     * without its number; {@code last} is the number of the newest (the L record's line id, {@code pid.HISTCMD}), or
     * -1 if unknown. A line that continues an entry (a multi-line command) does not start with a number, except where
     * the user typed one: {@code rm -rf /srv; echo "} newline {@code   999  ls"} shows in the output as two entries, so
     * the output's numbering decides. It starts with the oldest entry's number; when that is {@code last}, the whole
     * output is that one entry (the usual case: one line per record); otherwise only a number one higher than the
     * entry before, up to {@code last}, starts an entry. Limit: with more than one entry in a record, a continuation
     * line of an older entry that starts with the next entry's number still splits it.
     */
    static List<HistoryEntry> typedLines(String historyOutput, long last) {
        List<HistoryEntry> entries = new ArrayList<>();
        java.util.regex.Matcher m = ENTRY.matcher(historyOutput);
        if (!m.find()) {
            return entries;
        }
        long number = Long.parseLong(m.group(1));
        int start = m.end();
        while (number != last && m.find()) {
            long next = Long.parseLong(m.group(1));
            if (next != number + 1 || (last >= 0 && next > last)) {
                continue;
            }
            entries.add(new HistoryEntry(number, trimNewline(historyOutput.substring(start, m.start()))));
            number = next;
            start = m.end();
        }
        entries.add(new HistoryEntry(number, trimNewline(historyOutput.substring(start))));
        return entries;
    }

    private static String trimNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    static String verdictLine(String commandId, CommandVerdict verdict) {
        String action = switch (verdict.action()) {
            case ALLOW -> "A";
            case BLOCK -> "B";
            case TERMINATE -> "T";
        };
        return "V" + US + commandId + US + action + US + clean(verdict.rule() == null ? "" : verdict.rule()) + "\n";
    }

    static String policyLine(CommandPolicySnapshot p) {
        return "P" + US + p.version() + US + (p.allowlist() ? "allowlist" : "allow") + US + (p.lineRules() ? "1" : "0")
                + US + String.join(" ", p.programNames().stream().map(HookWire::clean).toList())
                + US + String.join(String.valueOf(RS), p.pathGlobs().stream().map(HookWire::clean).toList()) + "\n";
    }

    /** A value the hook reads with `read`: no separators, no line breaks. */
    private static String clean(String value) {
        return value.replaceAll("[\\u001e\\u001f\\r\\n]", " ");
    }

    private static long micros(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        int dot = value.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(value);
        }
        String fraction = (value.substring(dot + 1) + "000000").substring(0, 6);
        return Long.parseLong(value.substring(0, dot)) * 1_000_000 + Long.parseLong(fraction);
    }

    /** A trailing field only some senders have (zsh's words, the exec guard's caller and parent), unescaped; empty if absent. */
    private static String optional(List<String> f, CommandField field) {
        return f.size() > field.position() ? unescape(f.get(field.position())) : "";
    }

    private static int integer(String value) {
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        for (String n : value.split(" ")) {
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }
}
