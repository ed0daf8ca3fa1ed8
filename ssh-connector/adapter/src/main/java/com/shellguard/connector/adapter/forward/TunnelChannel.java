package com.shellguard.connector.adapter.forward;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelAsyncInputStream;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.channel.AbstractServerChannel;

/**
 * A TCP channel the gateway is asked to accept: a client's {@code direct-tcpip} ({@code ssh -L}, {@code -D}, {@code -J})
 * or a target's {@code forwarded-tcpip} for a user's remote forward. Unlike MINA's own, it connects nowhere itself:
 * the answer to the open request is the {@code opener}'s, which may take its time (asking the application, connecting
 * upstream) and refuse with a reason the client shows. Its bytes are asynchronous streams, so a {@link Tunnel}
 * relays them with the relay's pumps; the SSH window is released as they are read.
 */
final class TunnelChannel extends AbstractServerChannel {

    /** A refusal of an open request, with the reason code and the message the client shows. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        final int reason;

        Refused(int reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        static Refused prohibited(String message) {
            return new Refused(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, message);
        }

        static Refused failed(String message) {
            return new Refused(SshConstants.SSH_OPEN_CONNECT_FAILED, message);
        }
    }

    private final BiFunction<TunnelChannel, TunnelAddress, CompletableFuture<Void>> opener;
    private ChannelAsyncInputStream in;
    private ChannelAsyncOutputStream out;

    /** @param opener completes when the channel may be confirmed, exceptionally ({@link Refused}) to refuse it */
    TunnelChannel(BiFunction<TunnelChannel, TunnelAddress, CompletableFuture<Void>> opener) {
        super("", List.of(), null);
        this.opener = opener;
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        TunnelAddress address = TunnelAddress.read(buffer);
        in = new ChannelAsyncInputStream(this);
        out = new ChannelAsyncOutputStream(this, SshConstants.SSH_MSG_CHANNEL_DATA);
        DefaultOpenFuture future = new DefaultOpenFuture(this, futureLock);
        CompletableFuture<Void> decided;
        try {
            decided = opener.apply(this, address);
        } catch (RuntimeException e) {
            decided = CompletableFuture.failedFuture(e);
        }
        decided.whenComplete((ok, failure) -> {
            if (failure == null) {
                signalChannelOpenSuccess();
                future.setOpened();
                return;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            refuse(cause instanceof Refused r ? r : Refused.failed(String.valueOf(cause.getMessage())), future);
        });
        return future;
    }

    /**
     * Answers the open request with the refusal's reason and text. MINA's own answer to a failed open future carries
     * only a generic text ("Generic error while opening channel"), so the gateway writes the failure itself, with
     * the line the client prints after "open failed:", and forgets the channel; the future is never completed, so
     * MINA sends nothing more. Should the failure not go out, MINA's generic answer is the fallback.
     */
    private void refuse(Refused refused, DefaultOpenFuture future) {
        Session session = getSession();
        try {
            String message = refused.getMessage() == null ? "refused" : refused.getMessage();
            Buffer failure = session.createBuffer(SshConstants.SSH_MSG_CHANNEL_OPEN_FAILURE, message.length() + 64);
            failure.putUInt(getRecipient());
            failure.putUInt(refused.reason);
            failure.putString(message);
            failure.putString("");
            session.writePacket(failure);
            session.getService(ConnectionService.class).unregisterChannel(this);
            close(true);
        } catch (IOException | RuntimeException e) {
            future.setException(new SshChannelOpenException(getChannelId(), refused.reason, refused.getMessage(), e));
        }
    }

    /** The bytes that arrive on this channel. */
    IoInputStream in() {
        return in;
    }

    /** The way to send bytes on this channel. */
    IoOutputStream out() {
        return out;
    }

    /** Tells the peer nothing more will be sent (TCP's half close). */
    void endOutput() {
        try {
            if (!isClosing()) {
                sendEof();
            }
        } catch (IOException e) {
            close(false);
        }
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) throws IOException {
        in.write(new ByteArrayBuffer(data, off, (int) len));
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        throw new IOException("a forwarded TCP connection carries no extended data");
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        in.close(false);
    }

    @Override
    public void handleWindowAdjust(Buffer buffer) throws IOException {
        super.handleWindowAdjust(buffer);
        if (out != null) {
            out.onWindowExpanded();
        }
    }

    @Override
    protected void preClose() {
        if (in != null) {
            in.close(true);
        }
        if (out != null) {
            out.close(true);
        }
        super.preClose();
    }
}
