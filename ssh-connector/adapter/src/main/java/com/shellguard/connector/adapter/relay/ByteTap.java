package com.shellguard.connector.adapter.relay;

/**
 * Sees the bytes a {@link StreamPump} moves, as they pass, without changing them: the recording watches the
 * target's output this way. Called on the relay's I/O thread, so it must only copy or buffer, never block.
 */
@FunctionalInterface
public interface ByteTap {

    ByteTap NONE = (data, offset, length) -> { };

    void bytes(byte[] data, int offset, int length);

    /** This tap, then {@code next}. */
    default ByteTap andThen(ByteTap next) {
        return (data, offset, length) -> {
            bytes(data, offset, length);
            next.bytes(data, offset, length);
        };
    }
}
