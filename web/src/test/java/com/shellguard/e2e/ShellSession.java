package com.shellguard.e2e;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An interactive login through the gateway, typed into a terminal like a person would, that knows when each
 * line has finished: the prompt carries the shell's command number ({@code <sg-N>}), so the next prompt
 * after a line is the sign that it is done, whatever the line printed.
 */
final class ShellSession implements AutoCloseable {

    private static final Pattern PROMPT = Pattern.compile("<sg-(\\d+)>");

    private final Terminal terminal;
    private int lastPrompt;

    private ShellSession(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Logs in as {@code sshUser} (e.g. {@code alice@sgtarget@web}) and sets the numbered prompt. */
    static ShellSession open(OpenSshClient client, String sshUser, String shell) {
        Terminal t = Terminal.open(client.sshCommand(sshUser, true, null), List.of(), 160, 48);
        ShellSession s = new ShellSession(t);
        t.waitFor("[$%#] $", Duration.ofSeconds(60));
        String prompt = shell.equals("zsh") ? "PS1='<sg-%h>'" : "PS1='<sg-\\#>'";
        t.line(prompt);
        s.lastPrompt = s.awaitPromptAfter(-1);
        return s;
    }

    /** Types a line and waits for the next prompt; returns the screen. */
    String run(String line) {
        terminal.line(line);
        return awaitNext();
    }

    /** Types a line and returns only what it printed: the screen between the typed line and the next prompt. */
    String output(String line) {
        String screen = run(line);
        int typed = screen.lastIndexOf(line);
        int prompt = screen.lastIndexOf("<sg-");
        return typed < 0 || prompt < typed ? screen : screen.substring(typed + line.length(), prompt).strip();
    }

    /** Sends keys (tmux names) and waits for the next prompt. */
    String press(String... keys) {
        terminal.press(keys);
        return awaitNext();
    }

    /** Types text without Enter; the caller finishes the line. */
    ShellSession type(String text) {
        terminal.type(text);
        return this;
    }

    /**
     * Pastes text as a terminal pastes it (bracketed), as a person pasting many lines at once; bash puts a
     * bracketed paste into the line being edited, so the person then presses Enter.
     */
    String paste(String text) {
        terminal.paste(text);
        terminal.press("Enter");
        return awaitNext();
    }

    String awaitNext() {
        lastPrompt = awaitPromptAfter(lastPrompt);
        return terminal.screen();
    }

    String waitFor(String regex) {
        return terminal.waitFor(regex);
    }

    Terminal terminal() {
        return terminal;
    }

    private int awaitPromptAfter(int seen) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = terminal.screen();
            int highest = -1;
            Matcher m = PROMPT.matcher(screen);
            while (m.find()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
            if (highest > seen) {
                return highest;
            }
            Processes.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("no new prompt after <sg-" + seen + ">; the terminal shows:\n" + screen);
    }

    @Override
    public void close() {
        terminal.close();
    }
}
