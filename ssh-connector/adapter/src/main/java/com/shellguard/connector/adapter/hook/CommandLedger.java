package com.shellguard.connector.adapter.hook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which commands of one session may still be completed ({@code E}, or the "done" field of {@code Q}/{@code R}): those
 * the session's hooks reported or were allowed to run, not yet completed. A hook's key is readable by the watched
 * user, so a completion is a claim like any report; this is what stops one from rewriting the exit status of a
 * command it does not own, of a refused command, or of a command already completed.
 *
 * <p>Ids are {@code pid.n}, and a hook completes only commands of its own process: a completion whose pid is not the
 * pid its connection said hello with is foreign. A completion of an own id that was never reported is dropped
 * without an alert: a bash subshell inherits its parent's pending command and completes it under its own pid, which
 * names no stored command and so rewrites nothing.
 *
 * <p>Bounded: per process the last {@value #PER_PROCESS} open and closed ids, and the last {@value #PROCESSES}
 * processes; a completion arriving after its command fell out of these bounds is dropped as unknown.
 */
final class CommandLedger {

    static final int PER_PROCESS = 64;
    static final int PROCESSES = 4096;

    /** What a completion may do. */
    enum Completion {
        /** The command was open: the completion is stored. */
        ACCEPTED,
        /** An id of this process no report named: dropped, nothing to rewrite. */
        UNKNOWN,
        /** A command of another process: dropped with an alert. */
        FOREIGN,
        /** A command already completed, or refused (it never ran): dropped with an alert. */
        CLOSED
    }

    private static final class Process {
        final Deque<String> open = new ArrayDeque<>();
        final Deque<String> closed = new ArrayDeque<>();

        static void add(Deque<String> ids, String id) {
            if (ids.size() >= PER_PROCESS) {
                ids.removeFirst();
            }
            ids.addLast(id);
        }
    }

    private final Map<String, Process> processes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Process> eldest) {
            return size() > PROCESSES;
        }
    };

    /** A command reported, or asked about: it may be completed once. */
    synchronized void opened(String commandId) {
        Process p = processes.computeIfAbsent(pid(commandId), k -> new Process());
        if (!p.open.contains(commandId)) {
            Process.add(p.open, commandId);
        }
    }

    /** A command refused: it never runs, so no completion may give it a status. */
    synchronized void refused(String commandId) {
        Process p = processes.computeIfAbsent(pid(commandId), k -> new Process());
        p.open.remove(commandId);
        Process.add(p.closed, commandId);
    }

    /** Whether a completion of {@code commandId}, sent on a connection that said hello as {@code connectionPid}, stands. */
    synchronized Completion complete(String connectionPid, String commandId) {
        String pid = pid(commandId);
        Process p = processes.get(pid);
        if (!pid.equals(connectionPid)) {
            return Completion.FOREIGN;
        }
        if (p == null) {
            return Completion.UNKNOWN;
        }
        if (p.open.remove(commandId)) {
            Process.add(p.closed, commandId);
            return Completion.ACCEPTED;
        }
        return p.closed.contains(commandId) ? Completion.CLOSED : Completion.UNKNOWN;
    }

    private static String pid(String commandId) {
        int dot = commandId.indexOf('.');
        return dot < 0 ? commandId : commandId.substring(0, dot);
    }
}
