package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandField;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.HelloField;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.TypedLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
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
 */
final class HookConnection {

    private static final Logger LOG = Logger.getLogger(HookConnection.class.getName());
    /** A hook message is a command line or a typed line; anything far larger is not a hook talking. */
    private static final int MAX_MESSAGE = 1 << 20;
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
    private String shell = "bash";
    private volatile long policyVersionSent = -1;
    private volatile long lastPush;
    private boolean shellHook;
    /** This is the session's supervisor's connection; ended: it said goodbye (K end) before closing. */
    private boolean supervisor;
    private boolean supervisorEnded;

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
        if (pending.size() > MAX_MESSAGE) {
            refuse("a message of more than " + MAX_MESSAGE + " bytes");
        }
    }

    private void handle(String message) {
        List<String> f = HookWire.fields(message);
        String type = f.get(0);
        if (!greeted) {
            if (type.equals("H") && f.size() > HelloField.ROLE.position() && session.acceptsKey(f.get(HelloField.KEY.position()))) {
                String version = f.get(HelloField.SHELL.position());
                String role = f.get(HelloField.ROLE.position());
                if (role.equals("supervisor") && !session.supervisorHello()) {
                    refuse("a second connection claimed to be the session's supervisor");
                    return;
                }
                greeted = true;
                supervisor = role.equals("supervisor");
                shell = version.startsWith("zsh") ? "zsh" : version.startsWith("guard") ? "guard"
                        : supervisor ? "supervisor" : "bash";
                shellHook = shell.equals("bash") || shell.equals("zsh");
                lastPush = System.currentTimeMillis();
                session.helloFrom(version, role);
            } else {
                refuse("a connection to the hook's port did not present the session's secret");
            }
            return;
        }
        String sessionId = session.sessionId();
        if (shellHook && !type.equals("P") && System.currentTimeMillis() - lastPush > PUSH_MILLIS) {
            lastPush = System.currentTimeMillis();
            onWorker(() -> replies.accept(policy(session.snapshot())));
        }
        switch (type) {
            case "Q" -> withFacts(f, facts -> answer(new CommandEvent(sessionId, facts, true, null)));
            case "R" -> withFacts(f, facts -> session.judged(new CommandEvent(sessionId, facts, false,
                    CommandVerdict.allowed(policyVersionSent))));
            case "E" -> HookWire.completion(sessionId, f.size() > 1 ? f.get(1) : "").ifPresent(session.services().audit()::add);
            case "L" -> {
                if (f.size() >= 3) {
                    typedLines(f.get(1), String.join(String.valueOf(HookWire.US), f.subList(2, f.size())));
                }
            }
            case "A" -> session.alert(supervisor && f.size() > 1 && f.get(1).equals("setuid") ? SessionAlert.Kind.SUPERVISOR_SETUID
                    : SessionAlert.Kind.TAMPER, f.size() > 2 ? HookWire.unescape(f.get(2)) : "");
            case "K" -> supervisorEnded |= supervisor && f.size() > 1 && f.get(1).equals("end");
            case "P" -> {
                lastPush = System.currentTimeMillis();
                onWorker(() -> replies.accept(policy(session.snapshot())));
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
                : HookWire.typedLines(text);
        for (int i = 0; i < entries.size(); i++) {
            HookWire.HistoryEntry e = entries.get(i);
            String id = i == entries.size() - 1 ? lineId : shellPid + "." + e.number();
            session.services().audit().add(new TypedLine(session.sessionId(), id, e.text(), now));
        }
    }

    private void withFacts(List<String> f, Consumer<CommandFacts> use) {
        Optional<CommandFacts> facts = HookWire.facts(f, shell);
        if (facts.isEmpty()) {
            LOG.fine(() -> "session " + session.sessionId() + ": malformed hook message");
            return;
        }
        HookWire.completion(session.sessionId(), f.get(CommandField.DONE.position())).ifPresent(session.services().audit()::add);
        use.accept(facts.get());
    }

    private void answer(CommandEvent question) {
        onWorker(() -> {
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
            reply.append(HookWire.verdictLine(question.facts().commandId(), verdict));
            replies.accept(reply.toString());
            session.judged(question.answered(verdict));
            if (verdict.action() == CommandVerdict.Action.TERMINATE) {
                session.terminate(verdict.rule());
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

    private void refuse(String why) {
        closed = true;
        session.alert(SessionAlert.Kind.FORGED_REPORT, why);
        close.run();
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
