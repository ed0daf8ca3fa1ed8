package com.shellguard.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A terminal a person types into: a tmux window running a command, driven with send-keys and read
 * with capture-pane. When the command ends the window stays, showing {@code [exited N]}.
 */
final class Terminal implements AutoCloseable {

    private static final String SOCKET = "shellguard-tests";
    /** Long scrollback: a session of many commands is read back whole. */
    private static final Path CONFIG = config();
    private final String name = "t" + UUID.randomUUID().toString().substring(0, 8);

    private Terminal() {
    }

    private static Path config() {
        try {
            Path file = Files.createTempFile("sg-tmux", ".conf");
            Files.writeString(file, "set-option -g history-limit 20000\n");
            return file;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Terminal open(List<String> command, List<String> environment, int columns, int rows) {
        Terminal t = new Terminal();
        String line = environment.stream().map(OpenSshClient::shellQuote).collect(Collectors.joining(" "))
                + " " + command.stream().map(OpenSshClient::shellQuote).collect(Collectors.joining(" "));
        String script = "env " + line + "; echo \"[exited $?]\"; sleep 600";
        Processes.check(List.of("tmux", "-L", SOCKET, "-f", CONFIG.toString(), "new-session", "-d", "-s", t.name,
                "-x", String.valueOf(columns), "-y", String.valueOf(rows), "bash", "-c", script));
        return t;
    }

    /** Types text literally, as keystrokes. */
    Terminal type(String text) {
        Processes.check(List.of("tmux", "-L", SOCKET, "send-keys", "-t", name, "-l", text));
        return this;
    }

    /** Presses keys by tmux name: Enter, C-c, C-d, Tab, Up. */
    Terminal press(String... keys) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", SOCKET, "send-keys", "-t", name));
        cmd.addAll(List.of(keys));
        Processes.check(cmd);
        return this;
    }

    /** Pastes text the way a terminal pastes: one bracketed paste, all lines at once. */
    Terminal paste(String text) {
        Processes.check(List.of("tmux", "-L", SOCKET, "set-buffer", "-b", name, text));
        Processes.check(List.of("tmux", "-L", SOCKET, "paste-buffer", "-p", "-d", "-b", name, "-t", name));
        return this;
    }

    Terminal line(String text) {
        return type(text).press("Enter");
    }

    void resize(int columns, int rows) {
        Processes.check(List.of("tmux", "-L", SOCKET, "resize-window", "-t", name,
                "-x", String.valueOf(columns), "-y", String.valueOf(rows)));
    }

    String screen() {
        return Processes.check(List.of("tmux", "-L", SOCKET, "capture-pane", "-p", "-J", "-S", "-20000", "-t", name)).stdout();
    }

    /** The last lines of the screen, for a failure message. */
    String tail() {
        String[] lines = screen().strip().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
    }

    /** Waits until the screen matches the regular expression; returns the screen. */
    String waitFor(String regex) {
        return waitFor(regex, Duration.ofSeconds(30));
    }

    String waitFor(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (pattern.matcher(screen).find()) {
                return screen;
            }
            Processes.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("the terminal never showed /" + regex + "/; it shows:\n" + screen);
    }

    /** Waits for the command to end and returns its exit status. */
    int awaitExit() {
        String screen = waitFor("\\[exited \\d+\\]");
        var m = Pattern.compile("\\[exited (\\d+)\\]").matcher(screen);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    @Override
    public void close() {
        Processes.run(List.of("tmux", "-L", SOCKET, "kill-session", "-t", name));
    }
}
