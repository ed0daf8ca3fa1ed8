package com.shellguard.connector.adapter.hook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;

/**
 * One run of the installer on the target: its channel ({@code /bin/sh -s}) is asked for at once, and its text is given
 * later, when the caller has it ({@link #finish}). Meanwhile the caller can use the round trip of the channel's opening
 * for one of its own: the hook's port forward, whose port the text names, so set-up waits for the target once where it
 * waited twice. The text reaches the channel's input only through {@link #finish}; the shell on the target has nothing
 * to run before.
 */
final class InstallerRun implements AutoCloseable {

    private final ChannelExec channel;
    private final ScriptInput input = new ScriptInput();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private OpenFuture opened;

    private InstallerRun(ChannelExec channel) {
        this.channel = channel;
        channel.setIn(input);
        channel.setOut(out);
        channel.setErr(err);
    }

    /** Asks for the installer's channel, running {@code installer} (a shell that reads its script on its input). */
    static InstallerRun start(ClientSession upstream, String installer) throws HookUnavailableException {
        ChannelExec channel;
        try {
            channel = upstream.createExecChannel(installer);
        } catch (IOException e) {
            throw new HookUnavailableException("the hook installer could not run: " + e.getMessage(), e);
        }
        InstallerRun run = new InstallerRun(channel);
        try {
            run.opened = channel.open();
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw new HookUnavailableException("the hook installer could not run: " + e.getMessage(), e);
        }
        return run;
    }

    /**
     * Gives the installer its text and waits for it to end: its output lines, standard output's before standard error's.
     *
     * @param open  how long the channel may take to open
     * @param limit how long the installer may then take to finish
     */
    List<String> finish(String script, Duration open, Duration limit) throws HookUnavailableException {
        input.give(script.getBytes(StandardCharsets.UTF_8));
        try {
            opened.verify(open);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), limit);
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                throw new HookUnavailableException("the hook installer did not finish within " + limit.toSeconds() + " s");
            }
        } catch (IOException | RuntimeException e) {
            throw new HookUnavailableException("the hook installer could not run: " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        lines.addAll(err.toString(StandardCharsets.UTF_8).lines().toList());
        return lines;
    }

    /** Ends the run: its channel closes, and an installer that never got its text reads an error instead. */
    @Override
    public void close() {
        channel.close(false); // first, so MINA takes the error its reader then meets for the closing's
        input.withdraw();
    }

    /**
     * The channel's input, which MINA starts reading (on a thread of its own) once the channel is open: the text once
     * given, or an error when the run ended without one.
     */
    private static final class ScriptInput extends InputStream {

        private final CompletableFuture<InputStream> text = new CompletableFuture<>();

        void give(byte[] script) {
            text.complete(new ByteArrayInputStream(script));
        }

        void withdraw() {
            text.completeExceptionally(new IOException("the installer's set-up ended before its text was given"));
        }

        @Override
        public int read() throws IOException {
            return text().read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return text().read(buffer, offset, length);
        }

        @Override
        public int available() throws IOException {
            return text.isDone() && !text.isCompletedExceptionally() ? text.join().available() : 0;
        }

        private InputStream text() throws IOException {
            try {
                return text.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the channel closed while its installer waited for its text");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }
}
