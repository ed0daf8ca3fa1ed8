package com.shellguard.connector.adapter.session;

import com.shellguard.connector.api.TargetChoice;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The menu shown to {@code ssh alice@gateway}: the servers and logins alice may use, chosen by number
 * or by {@code LOGIN@SERVER}. With a terminal the client is in raw mode, so the menu echoes and edits
 * the line itself (backspace, Ctrl-C and Ctrl-D to leave). Runs on a work thread and may block there.
 */
final class TargetMenu {

    private final IoInputStream in;
    private final IoOutputStream out;
    private final boolean terminal;
    private final Duration idleLimit;

    TargetMenu(IoInputStream in, IoOutputStream out, boolean terminal, Duration idleLimit) {
        this.in = in;
        this.out = out;
        this.terminal = terminal;
        this.idleLimit = idleLimit;
    }

    /** Files an access request the person typed in the menu and returns the line to show them. */
    interface Requester {
        String request(TargetChoice target, double minutes, String reason);
    }

    /**
     * The user's choice, or empty when the user left the menu or filed an access request for one of
     * {@code requestable} (then the application's answer was shown, and the session ends: access starts only once
     * an approver said yes, so there is nothing to connect to yet).
     */
    Optional<TargetChoice> choose(String user, List<TargetChoice> choices, List<TargetChoice> requestable,
                                  Requester requester) throws IOException {
        int width = java.util.stream.Stream.concat(choices.stream(), requestable.stream())
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
        write(menu.toString());
        String prompt = choices.isEmpty() ? "Enter r and a number to request access (q to quit): "
                : requestable.isEmpty() ? "Enter a number or LOGIN@SERVER (q to quit): "
                : "Enter a number or LOGIN@SERVER, or r and a number to request access (q to quit): ";
        while (true) {
            write(prompt);
            Optional<String> line = readLine();
            if (line.isEmpty()) {
                write("\n");
                return Optional.empty();
            }
            String answer = line.get().trim();
            if (answer.equalsIgnoreCase("q") || answer.equalsIgnoreCase("quit")) {
                return Optional.empty();
            }
            if (answer.matches("[rR]\\d{1,4}")) {
                int index = Integer.parseInt(answer.substring(1)) - 1;
                if (index >= 0 && index < requestable.size()) {
                    askFor(requestable.get(index), requester);
                    return Optional.empty();
                }
            } else {
                Optional<TargetChoice> picked = pick(answer, choices);
                if (picked.isPresent()) {
                    return picked;
                }
            }
            if (!answer.isEmpty()) {
                write("not a choice: " + answer + "\n");
            }
        }
    }

    private static String entry(String key, TargetChoice c, int width) {
        return String.format("  %4s  %-" + width + "s  %s%n", key, c.login() + "@" + c.server(),
                c.description() == null ? "" : c.description());
    }

    /** Asks for the minutes and the reason, files the request and shows the answer. */
    private void askFor(TargetChoice target, Requester requester) throws IOException {
        write("Requesting " + target.login() + "@" + target.server() + "\n");
        Double minutes = null;
        while (minutes == null) {
            write("For how many minutes: ");
            Optional<String> line = readLine();
            if (line.isEmpty()) {
                write("\nnothing requested\n");
                return;
            }
            try {
                double typed = Double.parseDouble(line.get().trim());
                if (typed > 0 && Double.isFinite(typed)) {
                    minutes = typed;
                } else {
                    write("a number of minutes above 0, please\n");
                }
            } catch (NumberFormatException e) {
                write("a number of minutes, please\n");
            }
        }
        String reason = "";
        while (reason.isBlank()) {
            write("Reason: ");
            Optional<String> line = readLine();
            if (line.isEmpty()) {
                write("\nnothing requested\n");
                return;
            }
            reason = line.get().trim();
        }
        write(requester.request(target, minutes, reason) + "\n");
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

    /** One line as typed; empty when the user pressed Ctrl-C or Ctrl-D or closed the input. */
    private Optional<String> readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            ByteArrayBuffer buffer = new ByteArrayBuffer(256, false);
            IoReadFuture read = in.read(buffer);
            try {
                if (!read.await(idleLimit)) {
                    throw new IOException("no choice was made within " + idleLimit.toMinutes() + " minutes");
                }
            } catch (InterruptedIOException e) {
                throw e;
            }
            if (read.getException() != null) {
                return Optional.empty();
            }
            byte[] bytes = read.getBuffer().getCompactData();
            for (byte b : bytes) {
                switch (b) {
                    case '\r', '\n' -> {
                        write("\n");
                        return Optional.of(line.toString());
                    }
                    case 3, 4 -> {
                        return Optional.empty();
                    }
                    case 8, 127 -> {
                        if (line.length() > 0) {
                            line.setLength(line.length() - 1);
                            echo("\b \b");
                        }
                    }
                    default -> {
                        if (b >= 32 && line.length() < 200) {
                            line.append((char) b);
                            echo(String.valueOf((char) b));
                        }
                    }
                }
            }
        }
    }

    private void echo(String text) throws IOException {
        if (terminal) {
            write(text);
        }
    }

    private void write(String text) throws IOException {
        String wire = terminal ? text.replace("\n", "\r\n") : text;
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        out.writeBuffer(new ByteArrayBuffer(bytes)).verify(idleLimit);
    }
}
