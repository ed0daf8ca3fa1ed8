package com.shellguard.connector.adapter.relay;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sees the bytes a {@link StreamPump} moves, as they pass, without changing them: the recording watches the
 * target's output this way. Called on the relay's I/O thread, so it must only copy or queue, never block; a tap
 * whose queue is full says so through {@link #room()}, and the pump reads no more until it has room.
 */
@FunctionalInterface
public interface ByteTap {

    ByteTap NONE = (data, offset, length) -> { };
    CompletableFuture<Void> ROOM = CompletableFuture.completedFuture(null);

    /** The bytes are the caller's again once this returns: a tap that keeps them copies them. */
    void bytes(byte[] data, int offset, int length);

    /** Done when the tap can take more bytes; the pump checks it before each read. */
    default CompletableFuture<Void> room() {
        return ROOM;
    }

    /** A tap that is full while {@code room} is not done. */
    static ByteTap paced(ByteTap tap, Supplier<CompletableFuture<Void>> room) {
        return new ByteTap() {
            @Override
            public void bytes(byte[] data, int offset, int length) {
                tap.bytes(data, offset, length);
            }

            @Override
            public CompletableFuture<Void> room() {
                return room.get();
            }
        };
    }

    /** This tap, then {@code next}; it has room when both have. */
    default ByteTap andThen(ByteTap next) {
        ByteTap first = this;
        return new ByteTap() {
            @Override
            public void bytes(byte[] data, int offset, int length) {
                first.bytes(data, offset, length);
                next.bytes(data, offset, length);
            }

            @Override
            public CompletableFuture<Void> room() {
                CompletableFuture<Void> a = first.room();
                CompletableFuture<Void> b = next.room();
                return a.isDone() ? b : b.isDone() ? a : CompletableFuture.allOf(a, b);
            }
        };
    }
}
