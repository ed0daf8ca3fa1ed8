package com.shellguard.connector.adapter.session;

import com.shellguard.connector.api.TargetChoice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The menu shown to {@code ssh alice@gateway}: the servers and logins alice may use, chosen by number
 * or by {@code LOGIN@SERVER}, and the access she may request ({@code r1}: minutes, reason). With a terminal the
 * client is in raw mode, so the menu echoes and edits the line itself (backspace; Ctrl-C and Ctrl-D leave).
 *
 * <p>A person reading the menu holds no thread: the menu is a small state machine driven by the channel's
 * asynchronous reads (read, answer, write, read again), so a hundred people looking at it cost a hundred
 * pending reads. Only filing an access request, a call to the application, runs on the WorkManager. The menu
 * gives up after {@code idleLimit} without a keystroke.
 */
final class TargetMenu {

    private static final int MAX_LINE = 200;

    /** Which line the menu is waiting for. */
    private enum Step { CHOICE, MINUTES, REASON }

    /** Files an access request the person typed in the menu and returns the line to show them. */
    interface Requester {
        String request(TargetChoice target, double minutes, String reason);
    }

    private final IoInputStream in;
    private final IoOutputStream out;
    private final boolean terminal;
    private final Duration idleLimit;
    private final ScheduledExecutorService timer;
    private final Executor blockingWork;
    private final CompletableFuture<Optional<TargetChoice>> result = new CompletableFuture<>();

    private List<TargetChoice> choices;
    private List<TargetChoice> requestable;
    private Requester requester;
    private String prompt;
    private Step step = Step.CHOICE;
    private final StringBuilder line = new StringBuilder();
    private TargetChoice requested;
    private double minutes;
    private ScheduledFuture<?> idle;

    TargetMenu(IoInputStream in, IoOutputStream out, boolean terminal, Duration idleLimit,
               ScheduledExecutorService timer, Executor blockingWork) {
        this.in = in;
        this.out = out;
        this.terminal = terminal;
        this.idleLimit = idleLimit;
        this.timer = timer;
        this.blockingWork = blockingWork;
    }

    /**
     * Shows the menu and completes with the user's choice, or empty when the user left the menu or filed an access
     * request for one of {@code requestable} (then the application's answer was shown, and the session ends: access
     * starts only once an approver said yes, so there is nothing to connect to yet); exceptionally with an
     * {@link IOException} when the user chose nothing within the idle limit or the channel failed.
     */
    CompletableFuture<Optional<TargetChoice>> choose(String user, List<TargetChoice> choices,
                                                     List<TargetChoice> requestable, Requester requester) {
        this.choices = choices;
        this.requestable = requestable;
        this.requester = requester;
        int width = Stream.concat(choices.stream(), requestable.stream())
                .mapToInt(c -> (c.login() + "@" + c.server()).length()).max().orElse(0);
        StringBuilder menu = new StringBuilder();
        if (!choices.isEmpty()) {
            menu.append("ShellGuard: servers ").append(user).append(" may use\n");
            for (int i = 0; i < choices.size(); i++) {
                menu.append(entry(String.valueOf(i + 1), choices.get(i), width));
            }
        }
        if (!requestable.isEmpty()) {
            menu.append("ShellGuard: access ").append(user).append(" may request (an approver must agree)\n");
            for (int i = 0; i < requestable.size(); i++) {
                menu.append(entry("r" + (i + 1), requestable.get(i), width));
            }
        }
        prompt = choices.isEmpty() ? "Enter r and a number to request access (q to quit): "
                : requestable.isEmpty() ? "Enter a number or LOGIN@SERVER (q to quit): "
                : "Enter a number or LOGIN@SERVER, or r and a number to request access (q to quit): ";
        menu.append(prompt);
        synchronized (this) {
            restartIdle();
        }
        send(menu, this::read);
        return result;
    }

    private static String entry(String key, TargetChoice c, int width) {
        return String.format("  %4s  %-" + width + "s  %s%n", key, c.login() + "@" + c.server(),
                c.description() == null ? "" : c.description());
    }

    static Optional<TargetChoice> pick(String answer, List<TargetChoice> choices) {
        if (answer.matches("\\d{1,4}")) {
            int index = Integer.parseInt(answer) - 1;
            return index >= 0 && index < choices.size() ? Optional.of(choices.get(index)) : Optional.empty();
        }
        return choices.stream().filter(c -> answer.equals(c.login() + "@" + c.server())
                || (answer.equals(c.server()) && choices.stream().filter(o -> o.server().equals(c.server())).count() == 1))
                .findFirst();
    }

    private void read() {
        if (result.isDone()) {
            return;
        }
        try {
            in.read(new ByteArrayBuffer(256, false)).addListener(this::received);
        } catch (RuntimeException e) {
            fail(new IOException("the menu cannot read: " + e.getMessage(), e));
        }
    }

    /** A chunk of keystrokes: edits the line, acts on each line ended, answers, and reads on unless the menu ended. */
    private void received(IoReadFuture read) {
        StringBuilder reply = new StringBuilder();
        Runnable next;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            if (read.getException() != null) {
                // the input closed: the user is gone, there is no one to answer
                finish(Optional.empty());
                return;
            }
            restartIdle();
            next = keys(read.getBuffer().getCompactData(), reply);
        }
        send(reply, next);
    }

    /** Applies the keys to the line; returns what to do once the reply is shown. */
    private Runnable keys(byte[] bytes, StringBuilder reply) {
        for (byte b : bytes) {
            switch (b) {
                case '\r', '\n' -> {
                    reply.append('\n');
                    String typed = line.toString().trim();
                    line.setLength(0);
                    Runnable then = lineEntered(typed, reply);
                    if (then != null) {
                        return then;
                    }
                }
                case 3, 4 -> {
                    reply.append(step == Step.CHOICE ? "\n" : "\nnothing requested\n");
                    return () -> finish(Optional.empty());
                }
                case 8, 127 -> {
                    if (line.length() > 0) {
                        line.setLength(line.length() - 1);
                        echo(reply, "\b \b");
                    }
                }
                default -> {
                    if (b >= 32 && line.length() < MAX_LINE) {
                        line.append((char) b);
                        echo(reply, String.valueOf((char) b));
                    }
                }
            }
        }
        return this::read;
    }

    /** One line the user entered at the current step; null to go on with the keys that followed it. */
    private Runnable lineEntered(String answer, StringBuilder reply) {
        switch (step) {
            case CHOICE -> {
                if (answer.equalsIgnoreCase("q") || answer.equalsIgnoreCase("quit")) {
                    return () -> finish(Optional.empty());
                }
                if (answer.matches("[rR]\\d{1,4}")) {
                    int index = Integer.parseInt(answer.substring(1)) - 1;
                    if (index >= 0 && index < requestable.size()) {
                        requested = requestable.get(index);
                        step = Step.MINUTES;
                        reply.append("Requesting ").append(requested.login()).append('@').append(requested.server())
                                .append("\nFor how many minutes: ");
                        return null;
                    }
                } else {
                    Optional<TargetChoice> picked = pick(answer, choices);
                    if (picked.isPresent()) {
                        return () -> finish(picked);
                    }
                }
                if (!answer.isEmpty()) {
                    reply.append("not a choice: ").append(answer).append('\n');
                }
                reply.append(prompt);
            }
            case MINUTES -> {
                try {
                    double typed = Double.parseDouble(answer);
                    if (typed > 0 && Double.isFinite(typed)) {
                        minutes = typed;
                        step = Step.REASON;
                        reply.append("Reason: ");
                        return null;
                    }
                    reply.append("a number of minutes above 0, please\n");
                } catch (NumberFormatException e) {
                    reply.append("a number of minutes, please\n");
                }
                reply.append("For how many minutes: ");
            }
            case REASON -> {
                if (answer.isBlank()) {
                    reply.append("Reason: ");
                    return null;
                }
                TargetChoice target = requested;
                double asked = minutes;
                return () -> fileRequest(target, asked, answer);
            }
        }
        return null;
    }

    /** The application files the request (it may take a while: a database, webhooks), then the answer is shown. */
    private void fileRequest(TargetChoice target, double asked, String reason) {
        try {
            blockingWork.execute(() -> {
                String answer;
                try {
                    answer = requester.request(target, asked, reason);
                } catch (RuntimeException e) {
                    fail(new IOException("the access request could not be filed: " + e.getMessage(), e));
                    return;
                }
                send(new StringBuilder(answer).append('\n'), () -> finish(Optional.empty()));
            });
        } catch (RuntimeException e) {
            fail(new IOException("the access request could not be filed: " + e.getMessage(), e));
        }
    }

    private void echo(StringBuilder reply, String text) {
        if (terminal) {
            reply.append(text);
        }
    }

    /** Shows the text, then runs {@code then}; a write that fails ends the menu. */
    private void send(CharSequence text, Runnable then) {
        if (text.length() == 0) {
            then.run();
            return;
        }
        String wire = terminal ? text.toString().replace("\n", "\r\n") : text.toString();
        IoWriteFuture write;
        try {
            write = out.writeBuffer(new ByteArrayBuffer(wire.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            fail(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
            return;
        }
        write.addListener(done -> {
            if (done.getException() != null) {
                fail(new IOException("the menu cannot write: " + done.getException().getMessage(), done.getException()));
            } else {
                then.run();
            }
        });
    }

    /** Called with the lock held: the idle limit counts again from now. */
    private void restartIdle() {
        if (idle != null) {
            idle.cancel(false);
        }
        idle = timer.schedule(() -> fail(new IOException("no choice was made within " + idleLimit.toMinutes() + " minutes")),
                idleLimit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void finish(Optional<TargetChoice> choice) {
        if (idle != null) {
            idle.cancel(false);
        }
        result.complete(choice);
    }

    private synchronized void fail(IOException e) {
        if (idle != null) {
            idle.cancel(false);
        }
        result.completeExceptionally(e);
    }
}
