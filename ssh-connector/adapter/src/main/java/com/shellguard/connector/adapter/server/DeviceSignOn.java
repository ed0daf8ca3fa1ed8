package com.shellguard.connector.adapter.server;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.DeviceLogin;
import com.shellguard.connector.api.GatewayListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.session.ServerSession;

/**
 * Single sign-on over keyboard-interactive with the device authorization grant: the person is shown where to sign in
 * and the code to enter there, presses Enter, and the gateway then asks the application every few seconds whether
 * they signed in, until the provider answers or {@code SHELLGUARD_OIDC_SSH_TIMEOUT} (and the code's own lifetime)
 * ran out. Waiting holds no thread: each poll is one short piece of work on the WorkManager, scheduled by the JDK's
 * shared delay timer, and MINA's answer to the client waits on an {@code AsyncAuthException}.
 *
 * <p>Every name is shown a code and the same prompt, whether it is federated, local, a directory's or unknown, so
 * that what SSH offers tells a stranger nothing about which names exist: the prompt takes either an empty answer (the
 * person signed in at the provider) or the password of an account that has one, which is then checked as a password.
 *
 * <p>Asking for the code is one synchronous round trip to the provider on MINA's I/O thread (MINA generates a
 * keyboard-interactive challenge synchronously), bounded by {@code SHELLGUARD_OIDC_TIMEOUT}.
 */
final class DeviceSignOn {

    private static final Logger LOG = Logger.getLogger(DeviceSignOn.class.getName());

    /** A code shown to a person, waiting for them to sign in. */
    record Pending(String user, String sourceAddress, String deviceCode, long deadlineNanos) {
    }

    private final GatewayListener listener;
    private final BlockingWork work;
    private final Duration maxWait;

    DeviceSignOn(GatewayListener listener, BlockingWork work, Duration maxWait) {
        this.listener = listener;
        this.work = work;
        this.maxWait = maxWait;
    }

    /** The longest a person may take to sign in. */
    Duration maxWait() {
        return maxWait;
    }

    DeviceLogin start(String user, String sourceAddress) {
        return listener.startDeviceLogin(user, sourceAddress);
    }

    /** What the client shows: where to go and the code, as the prompt itself, so it shows whatever the client's log level. */
    static InteractiveChallenge challenge(DeviceLogin started) {
        InteractiveChallenge challenge = new InteractiveChallenge();
        challenge.setInteractionName("Single sign-on");
        challenge.setInteractionInstruction(started.verificationUriComplete() == null ? ""
                : "Or open " + started.verificationUriComplete() + "\n");
        challenge.setLanguageTag("");
        challenge.addPrompt("Open " + started.verificationUri() + " in a browser, sign in and enter the code "
                + started.userCode() + "; then press Enter. Or type the account's password: ", false);
        return challenge;
    }

    Pending pending(String user, String sourceAddress, DeviceLogin started) {
        long seconds = Math.min(maxWait.toSeconds(), started.expiresInSeconds());
        return new Pending(user, sourceAddress, started.deviceCode(), System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
    }

    /** Polls until the provider decides or time runs out, then hands the outcome (ACCEPTED or REFUSED) over once. */
    void await(ServerSession session, Pending pending, int intervalSeconds, Consumer<DeviceLogin> outcome) {
        poll(session, pending, Math.max(1, intervalSeconds), outcome, 0);
    }

    private void poll(ServerSession session, Pending pending, int intervalSeconds, Consumer<DeviceLogin> outcome, int delay) {
        Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.SECONDS, task -> {
            try {
                work.submit(task);
            } catch (RejectedExecutionException busy) {
                outcome.accept(DeviceLogin.refused("the gateway is too busy to complete the single sign-on"));
            }
        });
        later.execute(() -> {
            if (!session.isOpen()) {
                return; // the client gave up; the session's close reports it
            }
            if (System.nanoTime() - pending.deadlineNanos() > 0) {
                outcome.accept(DeviceLogin.refused("SSO_EXPIRED: nobody signed in with the code within the time allowed"));
                return;
            }
            DeviceLogin answer;
            try {
                answer = listener.pollDeviceLogin(pending.user(), pending.deviceCode(), pending.sourceAddress());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "single sign-on of " + pending.user() + " could not be decided", e);
                outcome.accept(DeviceLogin.refused("SSO_UNAVAILABLE"));
                return;
            }
            if (answer.status() == DeviceLogin.Status.WAITING) {
                int next = intervalSeconds + answer.intervalSeconds(); // slow_down adds to the interval (RFC 8628 3.5)
                poll(session, pending, next, outcome, next);
            } else {
                outcome.accept(answer);
            }
        });
    }
}
