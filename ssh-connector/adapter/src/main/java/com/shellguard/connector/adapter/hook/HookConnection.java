package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.ArgvCut;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandField;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.HelloField;
import com.shellguard.connector.api.HookLimits;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.TypedLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One hooked shell process's connection: splits the byte stream into messages, checks that the first is a
 * hello with the session's secret, answers questions and queues reports for the audit. Of the command path's
 * crossings (see the package documentation) it makes "decide" itself and starts "filter" and the audit leg
 * through its {@link HookSession}.
 *
 * <p>Bytes arrive on an SSH I/O thread, which must not wait for the application: questions and policy
 * requests are answered from the container's WorkManager. A hook asks one question at a time and waits, so
 * replies on one connection never overlap.
 *
 * <p>What a connection says is a claim: anyone on the target can connect to the forwarded loopback port, and the
 * watched user can read the session's key. So before the hello a connection gets {@value #MAX_HELLO} bytes and
 * {@link #HELLO_SECONDS} seconds, and must start with {@code H}; a report of a program a rule could concern is
 * decided again ({@link RuleReach}); a completion must name an open command of this very process ({@link
 * CommandLedger}).
 */
final class HookConnection {

    private static final Logger LOG = Logger.getLogger(HookConnection.class.getName());
    /**
     * The longest message read, its newline included (protocol.def's {@code limit message}): a command line or a typed
     * line. The exec guard and the supervisor cut a longer command line to fit and mark the cut ({@link ArgvCut}); a
     * longer message still is refused (a question gets a refusal) and closes the connection.
     */
    static final int MAX_MESSAGE = HookLimits.MESSAGE;
    /** The most of a message's start read for the id of a question too long to read. */
    private static final int MAX_ID = 64;
    /** A hello is about a hundred bytes; a connection that sends more without one is not a hook. */
    static final int MAX_HELLO = 4096;
    /** How long a new connection may take to say hello. */
    static final long HELLO_SECONDS = 10;
    /** Alerts ({@code A}) one session's hooks may raise; past it they are dropped with one {@code HOOK_FLOOD}. */
    private static final int MAX_HOOK_ALERTS = 200;
    /**
     * Alerts the session's supervisor may raise, counted apart from the hooks' (which the login can send with the
     * hooks' key: 200 of its own used up the supervisor's STARTUP_FILE_CHANGED alerts); a same-account supervisor
     * alerts each setuid start it refuses.
     */
    private static final int MAX_SUPERVISOR_ALERTS = 512;
    /**
     * The supervisor's startup file alerts, counted apart from its others (512 refused setuid starts once used up the
     * count before a planted key's alerts came): its watch reports each of at most 32 files at most 8 times
     * (SG_WATCH_FILES, SG_WATCH_REPORTS in scripts/target/supervisor/startup-watch.c).
     */
    private static final int MAX_STARTUP_ALERTS = 32 * 8;
    /**
     * How often a busy shell is sent the current policy unasked. A hook asks itself when its copy is older than
     * 3 seconds, which costs the user a round trip; a shell that keeps talking gets it pushed instead.
     */
    private static final long PUSH_MILLIS = 2000;

    private final HookSession session;
    private final Consumer<String> replies;
    private final Runnable close;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean greeted;
    private boolean closed;
    private boolean counted = true;
    private String shell = "bash";
    private String pid = "";
    private String role = "";
    private boolean interactive;
    private volatile long policyVersionSent = -1;
    private volatile long lastPush;
    private boolean shellHook;
    /** This is the session's supervisor's connection; ended: it said goodbye (K end) before closing. */
    private boolean supervisor;
    private boolean supervisorEnded;

    /** A connection the session admitted ({@link HookSession#admitUnauthenticated}); {@link #ended} releases it. */
    HookConnection(HookSession session, Consumer<String> replies, Runnable close) {
        this.session = session;
        this.replies = replies;
        this.close = close;
    }

    /** The next bytes from the hook, in order. */
    synchronized void receive(byte[] data, int offset, int length) {
        if (closed) {
            return;
        }
        if (!greeted && pending.size() == 0 && length > 0 && data[offset] != 'H') {
            stranger("a connection to the hook's port did not start with a hello");
            return;
        }
        pending.write(data, offset, length);
        byte[] buffer = pending.toByteArray();
        int start = 0;
        while (start < buffer.length) {
            byte end = buffer[start] == 'L' ? (byte) HookWire.RS : (byte) '\n';
            int stop = indexOf(buffer, end, start);
            if (stop < 0) {
                break;
            }
            handle(new String(buffer, start, stop - start, StandardCharsets.UTF_8));
            start = stop + 1;
            if (closed) {
                return;
            }
        }
        pending.reset();
        pending.write(buffer, start, buffer.length - start);
        if (!greeted && pending.size() > MAX_HELLO) {
            stranger("a connection to the hook's port sent more than " + MAX_HELLO + " bytes without a hello");
        } else if (pending.size() >= MAX_MESSAGE) {
            tooLong(pending.toByteArray());
        }
    }

    /**
     * A message longer than the protocol's limit, still unfinished: not read further. A question is answered with a
     * refusal first, so the program or command waiting for it is told why ({@value ArgvCut#RULE}) rather than that
     * the gateway cannot be reached; then the connection closes with a {@code HOOK_FLOOD} alert (a strict server ends
     * the session; on the supervisor's connection the session ends in any case, see {@link #closeWith}).
     */
    private void tooLong(byte[] start) {
        String id = questionId(start);
        if (id != null) {
            session.ledger().refused(id);
            replies.accept(HookWire.verdictLine(id, new CommandVerdict(CommandVerdict.Action.BLOCK, ArgvCut.RULE, false,
                    "a hook message of more than " + MAX_MESSAGE + " bytes", policyVersionSent)));
        }
        closeWith(SessionAlert.Kind.HOOK_FLOOD, "message", "a hook message of more than " + MAX_MESSAGE + " bytes"
                + (id == null ? "" : " (question " + id + ", refused as " + ArgvCut.RULE + ")")
                + "; its connection was closed");
    }

    /** The id of a question ({@code Q} US id US ...) at the start of a message; null for anything else. */
    static String questionId(byte[] start) {
        if (start.length < 3 || start[0] != 'Q' || start[1] != HookWire.US) {
            return null;
        }
        for (int i = 2; i < Math.min(start.length, 2 + MAX_ID); i++) {
            if (start[i] == HookWire.US) {
                String id = new String(start, 2, i - 2, StandardCharsets.UTF_8);
                return id.matches("[0-9]{1,10}\\.[a-z]?[0-9]{1,10}") ? id : null;
            }
        }
        return null;
    }

    /** The hello's time is up: a connection still without one is closed. */
    synchronized void helloDue() {
        if (!greeted && !closed) {
            stranger("a connection to the hook's port sent no hello within " + HELLO_SECONDS + " s");
        }
    }

    /** The channel closed, whoever closed it: the session counts the connection no more. */
    synchronized void ended() {
        if (supervisor) {
            session.supervisorGone();
        }
        closed = true;
        if (counted) {
            counted = false;
            session.closed(greeted);
        }
    }

    private void handle(String message) {
        List<String> f = HookWire.fields(message);
        String type = f.get(0);
        if (!greeted) {
            if (type.equals("H") && f.size() > HelloField.ROLE.position() && session.acceptsKey(f.get(HelloField.KEY.position()))) {
                greeted = true;
                if (!session.authenticated()) {
                    counted = false;
                    closed = true;
                    close.run();
                    return;
                }
                String version = f.get(HelloField.SHELL.position());
                role = f.get(HelloField.ROLE.position());
                if (role.equals("supervisor") && !session.supervisorHello()) {
                    closeWith(SessionAlert.Kind.FORGED_REPORT, "supervisor", "a second connection claimed to be the session's supervisor");
                    return;
                }
                supervisor = role.equals("supervisor");
                shell = version.startsWith("zsh") ? "zsh" : version.startsWith("guard") ? "guard"
                        : supervisor ? "supervisor" : "bash";
                shellHook = shell.equals("bash") || shell.equals("zsh");
                pid = f.get(HelloField.PID.position());
                lastPush = System.currentTimeMillis();
                // an interactive shell itself, not one of its subshells (which keep its role and $$, not its pid)
                interactive = role.equals("interactive") && pid.equals(f.get(HelloField.SHELL_PID.position()));
                if (interactive) {
                    session.prompt().shellStarted(pid, f.get(HelloField.PPID.position()));
                }
                session.helloFrom(version, role);
            } else {
                stranger("a connection to the hook's port did not present the session's secret");
            }
            return;
        }
        String sessionId = session.sessionId();
        if (shellHook && !type.equals("P") && System.currentTimeMillis() - lastPush > PUSH_MILLIS) {
            lastPush = System.currentTimeMillis();
            sendPolicy();
        }
        switch (type) {
            case "Q" -> withFacts(f, facts -> answer(new CommandEvent(sessionId, facts, true, null)));
            case "R" -> withFacts(f, this::reported);
            case "E" -> completion(f.size() > 1 ? f.get(1) : "");
            case "S" -> {
                if (interactive) {
                    session.prompt().prompt(pid);
                }
            }
            case "L" -> {
                if (interactive) {
                    session.prompt().shellSpoke(pid);
                }
                if (f.size() >= 3) {
                    typedLines(f.get(1), String.join(String.valueOf(HookWire.US), f.subList(2, f.size())));
                }
            }
            case "A" -> {
                String kind = f.size() > 1 ? f.get(1) : "", detail = f.size() > 2 ? HookWire.unescape(f.get(2)) : "";
                boolean startup = supervisor && kind.equals("startup");
                if (startup ? session.startupAlerts() >= MAX_STARTUP_ALERTS
                        : supervisor ? session.supervisorAlerts() >= MAX_SUPERVISOR_ALERTS : session.hookAlerts() >= MAX_HOOK_ALERTS) {
                    session.distrust(SessionAlert.Kind.HOOK_FLOOD, startup ? "startup alerts" : supervisor ? "supervisor alerts" : "alerts",
                            "more than " + (startup ? MAX_STARTUP_ALERTS + " startup file alerts from the session's supervisor"
                                    : supervisor ? MAX_SUPERVISOR_ALERTS + " alerts from the session's supervisor"
                                    : MAX_HOOK_ALERTS + " alerts from the session's hooks") + "; the rest are dropped");
                } else if (startup) {
                    session.distrust(SessionAlert.Kind.STARTUP_FILE_CHANGED, null, detail);
                } else {
                    session.alert(supervisor && kind.equals("setuid") ? SessionAlert.Kind.SUPERVISOR_SETUID
                            : SessionAlert.Kind.TAMPER, detail);
                }
            }
            case "K" -> {
                if (supervisor && f.size() > 1 && f.get(1).equals("beat")) {
                    session.supervisorBeat();
                }
                supervisorEnded |= supervisor && f.size() > 1 && f.get(1).equals("end");
            }
            case "P" -> {
                lastPush = System.currentTimeMillis();
                sendPolicy();
            }
            default -> LOG.fine(() -> "session " + sessionId + ": unknown hook message " + type);
        }
    }

    /**
     * The line that starts now, and from bash any lines before it that ran no command (bash sends its history
     * since the last reported line; zsh sends the line as typed). Ids are {@code shellpid.historynumber}.
     */
    private void typedLines(String lineId, String text) {
        String shellPid = lineId.contains(".") ? lineId.substring(0, lineId.indexOf('.')) : lineId;
        long now = System.currentTimeMillis() * 1000;
        List<HookWire.HistoryEntry> entries = shell.equals("zsh") ? List.of(new HookWire.HistoryEntry(0, text))
                : HookWire.typedLines(text, historyNumber(lineId));
        for (int i = 0; i < entries.size(); i++) {
            HookWire.HistoryEntry e = entries.get(i);
            String id = i == entries.size() - 1 ? lineId : shellPid + "." + e.number();
            session.typed(new TypedLine(session.sessionId(), id, e.text(), now));
        }
    }

    /** The history number in a line id, {@code pid.N}; -1 if it has none. */
    private static long historyNumber(String lineId) {
        String n = lineId.substring(lineId.indexOf('.') + 1);
        return n.matches("\\d{1,18}") ? Long.parseLong(n) : -1;
    }

    private void withFacts(List<String> f, Consumer<CommandFacts> use) {
        Optional<CommandFacts> facts = HookWire.facts(f, shell)
                .map(read -> HookWire.believableStart(read, System.currentTimeMillis() * 1000, session.openedMicros()));
        if (facts.isEmpty()) {
            LOG.fine(() -> "session " + session.sessionId() + ": malformed hook message");
            return;
        }
        completion(f.get(CommandField.DONE.position()));
        session.ledger().opened(facts.get().commandId());
        use.accept(facts.get());
    }

    /** A finished command, if it is one this process may complete: never another's, a refused or a finished one. */
    private void completion(String done) {
        HookWire.completion(session.sessionId(), done).ifPresent(c -> {
            switch (session.ledger().complete(pid, c.commandId())) {
                case ACCEPTED -> session.completed(c);
                case UNKNOWN -> LOG.fine(() -> "session " + session.sessionId() + ": completion of unreported command " + c.commandId());
                case FOREIGN -> session.distrust(SessionAlert.Kind.FORGED_REPORT, "foreign completion",
                        "a hook connection of process " + pid + " sent the exit status of command " + c.commandId()
                                + " of another process; ignored");
                case CLOSED -> session.distrust(SessionAlert.Kind.FORGED_REPORT, "closed completion " + c.commandId(),
                        "a second exit status for command " + c.commandId() + ", which had finished or was refused; ignored");
            }
        });
    }

    /**
     * A command the hook let run alone. One a rule could concern (an honest hook asks about those) is decided again
     * from the report's own facts, off this thread; its audit place is kept in order meanwhile. Where the policy
     * disagrees, the gateway's verdict is stored and the report alerted as forged, unless the policy changed so
     * recently that the hook may still hold the old one.
     */
    private void reported(CommandFacts facts) {
        CommandEvent claimed = new CommandEvent(session.sessionId(), facts, false, CommandVerdict.allowed(policyVersionSent));
        if (!RuleReach.mayConcern(session.heldSnapshot(), facts) || !session.beginWork()) {
            session.judged(claimed);
            return;
        }
        CompletableFuture<CommandEvent> checked = new CompletableFuture<>();
        session.judgedLater(claimed, checked);
        onWorker(() -> {
            try {
                checked.complete(recheck(claimed));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session " + session.sessionId() + ": could not check a reported command", e);
                checked.complete(claimed);
            } finally {
                session.endWork();
            }
        });
    }

    private CommandEvent recheck(CommandEvent claimed) {
        CommandFacts facts = claimed.facts();
        CommandVerdict gateway = session.services().listener().decideCommand(new CommandEvent(session.sessionId(), facts, true, null));
        if (gateway.runs()) {
            return gateway.alert() ? claimed.answered(gateway) : claimed;
        }
        if (session.policyIsNew(gateway.policyVersion())) {
            return claimed;
        }
        session.distrust(SessionAlert.Kind.FORGED_REPORT, "report " + facts.text(), "a hook reported \"" + abbreviate(facts.text())
                + "\" as run without asking, but the policy says " + gateway.action()
                + (gateway.rule() == null ? "" : " (rule " + gateway.rule() + ")"));
        if (gateway.action() == CommandVerdict.Action.TERMINATE) {
            session.terminate(gateway.rule());
        }
        return claimed.answered(gateway);
    }

    private void answer(CommandEvent question) {
        if (!session.beginWork()) {
            refuseQuestion(question, "the gateway is busy with this session's earlier questions");
            return;
        }
        onWorker(() -> {
            try {
                decide(question);
            } finally {
                session.endWork();
            }
        });
    }

    private void decide(CommandEvent question) {
        CommandVerdict verdict;
        try {
            verdict = session.services().listener().decideCommand(question);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + session.sessionId() + ": could not decide a command; refusing it", e);
            verdict = new CommandVerdict(CommandVerdict.Action.BLOCK, "gateway error", false,
                    "the gateway could not decide: " + e.getMessage(), policyVersionSent);
        }
        StringBuilder reply = new StringBuilder();
        if (verdict.policyVersion() > policyVersionSent) {
            session.refreshSnapshotIfOlderThan(verdict.policyVersion());
            reply.append(policy(session.snapshot()));
        }
        if (!verdict.runs()) {
            session.ledger().refused(question.facts().commandId());
        }
        reply.append(HookWire.verdictLine(question.facts().commandId(), verdict));
        replies.accept(reply.toString());
        session.judged(question.answered(verdict));
        if (verdict.action() == CommandVerdict.Action.TERMINATE) {
            session.terminate(verdict.rule());
        }
    }

    private void refuseQuestion(CommandEvent question, String why) {
        CommandVerdict busy = new CommandVerdict(CommandVerdict.Action.BLOCK, "gateway busy", false, why, policyVersionSent);
        session.ledger().refused(question.facts().commandId());
        replies.accept(HookWire.verdictLine(question.facts().commandId(), busy));
        session.judged(question.answered(busy));
    }

    private void sendPolicy() {
        if (!session.beginWork()) {
            return;
        }
        onWorker(() -> {
            try {
                replies.accept(policy(session.snapshot()));
            } finally {
                session.endWork();
            }
        });
    }

    /**
     * The target closed this connection. For the supervisor's, without its goodbye, that means it was killed or cut
     * off while the session ran: the session is lost (a connection the gateway closes itself never gets here).
     */
    synchronized void endOfStream() {
        if (supervisor && !supervisorEnded) {
            session.supervisorLost("the session's supervisor ended without its goodbye (killed?); "
                    + "the session's processes died with it");
        }
    }

    private String policy(CommandPolicySnapshot snapshot) {
        policyVersionSent = Math.max(policyVersionSent, snapshot.version());
        return HookWire.policyLine(snapshot);
    }

    private void onWorker(Runnable task) {
        try {
            session.services().work().submit(task);
        } catch (RejectedExecutionException busy) {
            task.run();
        }
    }

    /** Before the hello: a connection that is not a hook, closed, and alerted once per session. */
    private void stranger(String why) {
        closed = true;
        session.stranger(why);
        close.run();
    }

    /**
     * Closes the connection over something it sent, with an alert. The supervisor's connection is the session's only
     * witness of its program starts and cannot be opened again (a second supervisor hello is a forgery): closing it
     * loses the supervisor, and the session ends.
     */
    private void closeWith(SessionAlert.Kind kind, String onceKey, String why) {
        closed = true;
        session.distrust(kind, onceKey, why);
        if (supervisor) {
            session.supervisorLost("the gateway closed the session's supervisor's connection: " + why);
        }
        close.run();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static int indexOf(byte[] buffer, byte value, int from) {
        for (int i = from; i < buffer.length; i++) {
            if (buffer[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
