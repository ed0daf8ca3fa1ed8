package com.shellguard.connector.adapter.forward;

import com.shellguard.connector.adapter.relay.StreamPump;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One forwarded TCP connection relayed between the channel the gateway accepted and the one it opened, with the
 * relay's {@link StreamPump}s (asynchronous, the SSH windows of both connections carrying the back-pressure). The end
 * of one direction is passed on as an EOF, so a half-closed connection stays half open; the tunnel ends when both
 * directions ended, or either channel closed (the opened one's last bytes delivered first), and then closes both.
 */
final class Tunnel {

    private final TunnelChannel accepted;
    private final OutgoingTunnel opened;
    private final StreamPump toOpened;
    private final StreamPump toAccepted;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();

    Tunnel(TunnelChannel accepted, OutgoingTunnel opened) {
        this.accepted = accepted;
        this.opened = opened;
        this.toOpened = new StreamPump(accepted.in(), opened.getAsyncIn());
        this.toAccepted = new StreamPump(opened.getAsyncOut(), accepted.out());
    }

    /** Starts relaying; completes when the connection has ended both ways. */
    CompletableFuture<Void> start() {
        // the channel that was accepted closing means no one reads any more; the opened one closing still leaves
        // what it sent before to be delivered, so that side closes once its bytes are through
        accepted.addCloseFutureListener(f -> close());
        opened.addCloseFutureListener(f -> toAccepted.finished().handle((v, t) -> {
            close();
            return null;
        }));
        CompletableFuture<Void> one = toOpened.start().finished().handle((v, t) -> {
            opened.endOutput();
            return null;
        });
        CompletableFuture<Void> other = toAccepted.start().finished().handle((v, t) -> {
            accepted.endOutput();
            return null;
        });
        CompletableFuture.allOf(one, other).thenRun(this::close);
        return ended;
    }

    private void close() {
        if (closing.compareAndSet(false, true)) {
            accepted.close(false);
            opened.close(false);
            ended.complete(null);
        }
    }

    /** Bytes from the accepted channel's side to the opened one's. */
    long bytesAcceptedToOpened() {
        return toOpened.bytes();
    }

    long bytesOpenedToAccepted() {
        return toAccepted.bytes();
    }
}
