package com.shellguard.connector.adapter.relay;

import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;

/**
 * Joins the user's channel to the target's: input one way, output and error output the other. The
 * user's end of input becomes an EOF to the target once everything before it was delivered; the
 * relay ends when the target's channel has closed and all its output reached the user.
 */
public final class ChannelRelay {

    private final ClientChannel target;
    private final StreamPump input;
    private final StreamPump output;
    private final StreamPump errors;

    /** {@code outputTap} and {@code errorTap} see the target's output and error output on their way to the user. */
    public ChannelRelay(ClientChannel target, IoInputStream userInput, IoOutputStream userOutput, IoOutputStream userErrors,
                        ByteTap outputTap, ByteTap errorTap) {
        this(target, userInput, userOutput, userErrors, ByteTap.NONE, outputTap, errorTap);
    }

    /** As above, and {@code inputTap} sees the user's input on its way to the target. */
    public ChannelRelay(ClientChannel target, IoInputStream userInput, IoOutputStream userOutput, IoOutputStream userErrors,
                        ByteTap inputTap, ByteTap outputTap, ByteTap errorTap) {
        this.target = target;
        this.input = new StreamPump(userInput, target.getAsyncIn(), inputTap);
        this.output = new StreamPump(target.getAsyncOut(), userOutput, outputTap);
        this.errors = new StreamPump(target.getAsyncErr(), userErrors, errorTap);
    }

    /** Starts relaying; completes with the target's exit status (null when it sent none). */
    public CompletableFuture<Integer> start() {
        return start(CompletableFuture.completedFuture(null));
    }

    /**
     * Starts relaying output at once and the user's input once {@code inputGate} completes: a hooked shell
     * must not read keystrokes before its hook is armed (Ctrl-C during the user's startup files would
     * otherwise leave an unhooked prompt). Input typed meanwhile waits in the SSH window.
     */
    public CompletableFuture<Integer> start(CompletableFuture<?> inputGate) {
        CompletableFuture<Void> targetClosed = new CompletableFuture<>();
        target.addCloseFutureListener(f -> targetClosed.complete(null));
        inputGate.whenComplete((ok, failure) -> {
            if (failure == null) {
                input.start().finished().thenRun(() -> target.getAsyncIn().close(false));
            }
        });
        output.start();
        errors.start();
        CompletableFuture<Void> drained = CompletableFuture.allOf(
                output.finished().exceptionally(t -> null), errors.finished().exceptionally(t -> null));
        return CompletableFuture.allOf(drained, targetClosed).thenApply(v -> exitStatus());
    }

    private Integer exitStatus() {
        Integer status = target.getExitStatus();
        if (status == null && target.getExitSignal() != null) {
            Integer number = SignalNumbers.of(target.getExitSignal());
            return number == null ? null : 128 + number;
        }
        return status;
    }

    /**
     * Closes the target's channel at once: no more output reaches the user, and what was in flight drains, so
     * the gateway can then show its own last line. The relay then completes as if the target had closed.
     */
    public void cut() {
        target.close(true);
    }

    public long bytesFromUser() {
        return input.bytes();
    }

    public long bytesToUser() {
        return output.bytes() + errors.bytes();
    }
}
