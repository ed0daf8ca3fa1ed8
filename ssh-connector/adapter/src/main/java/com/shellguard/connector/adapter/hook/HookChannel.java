package com.shellguard.connector.adapter.hook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.channel.AbstractServerChannel;

/**
 * A hooked shell's TCP connection to the forwarded port, as it reaches the gateway: a {@code forwarded-tcpip}
 * channel opened by the target's sshd. The gateway consumes it in process instead of connecting anywhere,
 * and accepts it only for a port it asked a session's hook to use, while the session has room for another
 * connection waiting for its hello, and for {@value HookConnection#HELLO_SECONDS} seconds without one.
 *
 * <p>Nothing is written on the channel once it closes. Replies are written by worker threads (a verdict, a
 * policy), and the hooked process may exit meanwhile: sshd then closes the channel and frees its number at once.
 * A reply written after the gateway's close reaches sshd as data for a channel it no longer has, and OpenSSH
 * answers that by disconnecting the whole connection ("data packet referred to nonexistent channel"): the
 * session's own channel closed with it, without an exit status. That is how a session once ended when the shell
 * of a tmux window exited. So a reply is written, or dropped, under the same lock that marks the channel closed,
 * before its close goes out.
 */
final class HookChannel extends AbstractServerChannel {

    private static final Logger LOG = Logger.getLogger(HookChannel.class.getName());

    private final Queue<byte[]> outgoing = new ArrayDeque<>();
    private ChannelAsyncOutputStream out;
    private HookConnection connection;
    private boolean writing;
    private boolean closed;

    HookChannel() {
        super("", List.of(), null);
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        buffer.getString();
        int port = buffer.getInt();
        HookSession hook = getSession() instanceof ClientSession client ? HookSession.find(client, port) : null;
        if (hook == null) {
            return refused(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "no ShellGuard hook listens on port " + port);
        }
        if (!hook.admitUnauthenticated()) {
            return refused(SshConstants.SSH_OPEN_RESOURCE_SHORTAGE, "too many connections to the hook's port");
        }
        out = new ChannelAsyncOutputStream(this, SshConstants.SSH_MSG_CHANNEL_DATA);
        HookConnection opened = new HookConnection(hook, this::send, () -> close(false));
        connection = opened;
        addCloseFutureListener(f -> opened.ended());
        if (hook.scheduler() != null) {
            ScheduledFuture<?> due = hook.scheduler().schedule(opened::helloDue, HookConnection.HELLO_SECONDS, TimeUnit.SECONDS);
            addCloseFutureListener(f -> due.cancel(false));
        }
        return super.doInit(buffer);
    }

    private OpenFuture refused(int reason, String message) {
        DefaultOpenFuture refused = new DefaultOpenFuture(this, this);
        refused.setException(new SshChannelOpenException(getChannelId(), reason, message));
        return refused;
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) throws IOException {
        connection.receive(data, off, (int) len);
        getLocalWindow().release(len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        throw new IOException("a forwarded TCP connection carries no extended data");
    }

    @Override
    public void handleWindowAdjust(Buffer buffer) throws IOException {
        super.handleWindowAdjust(buffer);
        if (out != null) {
            out.onWindowExpanded();
        }
    }

    @Override
    public void handleEof() throws IOException {
        connection.endOfStream();
        super.handleEof();
        close(false);
    }

    /** Replies go out in order, one write at a time (the asynchronous stream allows no overlap). */
    private void send(String text) {
        synchronized (outgoing) {
            outgoing.add(text.getBytes(StandardCharsets.UTF_8));
            if (writing) {
                return;
            }
            writing = true;
        }
        writeNext();
    }

    private void writeNext() {
        synchronized (outgoing) {
            byte[] next = closed ? null : outgoing.poll();
            if (next == null) {
                outgoing.clear();
                writing = false;
                return;
            }
            try {
                out.writeBuffer(new ByteArrayBuffer(next)).addListener(done -> {
                    if (done.getException() != null) {
                        LOG.log(Level.FINE, "a reply to a hook was not delivered", done.getException());
                    }
                    writeNext();
                });
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "a reply to a hook was not delivered", e);
                outgoing.clear();
                writing = false;
            }
        }
    }

    /** Runs before the channel's close is sent: a reply being written finishes first, none is written after. */
    @Override
    protected void preClose() {
        synchronized (outgoing) {
            closed = true;
            outgoing.clear();
        }
        if (out != null) {
            out.close(true);
        }
        super.preClose();
    }
}
