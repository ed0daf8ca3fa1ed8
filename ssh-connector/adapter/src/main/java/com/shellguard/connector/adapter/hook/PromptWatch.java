package com.shellguard.connector.adapter.hook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Whether the session's hook still speaks: a line entered at the shell's prompt must reach the gateway as a typed
 * line ({@code L}) or, for a line that runs nothing, end at the next prompt ({@code S}) within the silence limit;
 * otherwise the hook was switched off in a way it did not catch itself, and {@code silent} is told (once a session:
 * the session's {@code HOOK_SILENT} alert, and on a strict server its end).
 *
 * <p>The gateway sees the user's keystrokes and the target's output, and learns the shell's state from the hooked
 * interactive shells: {@code S} (the prompt is shown, PROMPT_COMMAND in bash, precmd in zsh) and {@code L} (a typed
 * line started). Keystrokes count only between an {@code S} and the next {@code L}: what is typed while a program
 * runs (vim, less, a python REPL, {@code cat}) goes to that program, whose line was reported. A line that only
 * continues a multi-line construct or a here-document is told apart by what the shell printed after the Enter: its
 * continuation prompt, a short line ending in {@code "> "} (bash's and zsh's default {@code PS2}) and nothing else;
 * the line that completes the construct then sends {@code L}.
 *
 * <p>Several interactive shells may be alive (a bash started at the prompt, tmux panes): each is kept by pid with its
 * parent's pid and whether it shows its prompt. An Enter is checked only when some shell shows its prompt and every
 * shell that does not is the parent of one that does (a shell waiting for the bash it started); a shell is kept
 * after its connection closes, since a connection cut from outside leaves a live shell behind.
 *
 * <p>Limits: it catches a hook that stops talking, not one a forger with the session's key talks for (the key is
 * readable by the login); a prompt of the user's own that ends in {@code "> "} passes as a continuation, and a
 * custom {@code PS2} that does not is taken for silence if the user waits longer than the limit in mid-construct.
 */
final class PromptWatch {

    private static final Logger LOG = Logger.getLogger(PromptWatch.class.getName());
    private static final int OUTPUT_KEPT = 256;

    private final long silenceMillis;
    private final Consumer<String> silent;
    private ScheduledExecutorService scheduler;
    private final Map<String, Shell> shells = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shell> eldest) {
            return size() > 64;
        }
    };
    private boolean continuing;
    private boolean reported;
    private ScheduledFuture<?> due;
    private final StringBuilder output = new StringBuilder();

    PromptWatch(long silenceMillis, Consumer<String> silent) {
        this.silenceMillis = silenceMillis;
        this.silent = silent;
    }

    /** Where the check at the end of the silence limit runs; without one (an exec session) nothing is watched. */
    synchronized void scheduleOn(ScheduledExecutorService executor) {
        this.scheduler = executor;
    }

    private static final class Shell {
        final String parent;
        boolean atPrompt;

        Shell(String parent) {
            this.parent = parent;
        }
    }

    /** An interactive shell said hello: it starts its work (the user's startup files) before its first prompt. */
    synchronized void shellStarted(String pid, String parentPid) {
        shells.put(pid, new Shell(parentPid));
    }

    /** An interactive shell shows its prompt ({@code S}); shells it started are gone. */
    synchronized void prompt(String pid) {
        LOG.fine(() -> "prompt watch: shell " + pid + " shows its prompt; shells " + shells.keySet());
        shell(pid).atPrompt = true;
        shells.values().removeIf(s -> pid.equals(s.parent));
        continuing = false;
        settle();
    }

    /** An interactive shell took a typed line ({@code L}). */
    synchronized void shellSpoke(String pid) {
        shell(pid).atPrompt = false;
        continuing = false;
        settle();
    }

    private Shell shell(String pid) {
        return shells.computeIfAbsent(pid, k -> new Shell(""));
    }

    /** Whether the user's keystrokes go to a shell at its prompt (see the class documentation). */
    private boolean typingAtPrompt() {
        boolean any = false;
        for (Map.Entry<String, Shell> e : shells.entrySet()) {
            if (e.getValue().atPrompt) {
                any = true;
            } else if (shells.values().stream().noneMatch(s -> s.atPrompt && e.getKey().equals(s.parent))) {
                return false;
            }
        }
        return any;
    }

    /** Bytes the user typed, on their way to the target. */
    synchronized void input(byte[] data, int offset, int length) {
        if (scheduler == null || silenceMillis <= 0 || reported || due != null || !(continuing || typingAtPrompt())) {
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            if (data[i] == '\r' || data[i] == '\n') {
                output.setLength(0);
                due = scheduler.schedule(this::check, silenceMillis, TimeUnit.MILLISECONDS);
                return;
            }
        }
    }

    /** Bytes the target printed, on their way to the user: kept from an Enter until its check. */
    synchronized void output(byte[] data, int offset, int length) {
        if (due == null || output.length() >= OUTPUT_KEPT) {
            return;
        }
        for (int i = offset; i < offset + length && output.length() < OUTPUT_KEPT; i++) {
            output.append((char) (data[i] & 0xff));
        }
    }

    private void settle() {
        if (due != null) {
            due.cancel(false);
            due = null;
        }
    }

    /** At the end of the silence limit; the session is told outside the lock, since ending it writes to the user. */
    private void check() {
        String why;
        synchronized (this) {
            if (due == null) {
                return;
            }
            due = null;
            String printed = output.toString();
            LOG.fine(() -> "prompt watch: no word from the hook after an Enter; the shell printed " + printed
                    .replace("\u001b", "ESC").replace("\r", "\\r").replace("\n", "\\n"));
            if (continuationPrompt(printed)) {
                shells.values().forEach(s -> s.atPrompt = false);
                continuing = true;
                return;
            }
            reported = true;
            why = "a line was entered at the prompt and the hook said nothing about it within " + silenceMillis / 1000.0 + " s";
        }
        silent.accept(why);
    }

    /**
     * Whether the shell answered an Enter with only a continuation prompt: escape sequences (bracketed paste, colours)
     * and the line break of the Enter's echo aside, one short line ending in {@code "> "}.
     */
    static boolean continuationPrompt(String printed) {
        String text = printed.replaceAll("\u001b\\[[0-?]*[ -/]*[@-~]", "").replaceAll("\u001b\\][^\u0007\u001b]*(\u0007|\u001b\\\\)", "")
                .replaceAll("\u001b.", "");
        text = text.replaceFirst("^[\r\n]+", "");
        return !text.isEmpty() && text.length() <= 80 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0
                && text.endsWith("> ");
    }
}
