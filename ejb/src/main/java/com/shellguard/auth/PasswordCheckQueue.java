package com.shellguard.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one password check of an account name run at a time on this node, so that each check sees the failures
 * the checks before it counted. Without it, a guesser sending many passwords at once had them all checked
 * against the same "not locked yet" standing: 40 parallel REST guesses got 23 passwords checked, not 5.
 *
 * <p>Names share a fixed set of fair locks by hash (bounded memory whatever names are guessed); two names on one
 * lock only wait for each other's check, about one password hash. Across a cluster each node serialises its own
 * checks, so a guesser spreading parallel attempts over N nodes gets at most N - 1 guesses past the limit. The
 * per-address throttle is not serialised (that would queue every login behind a shared NAT address) and can
 * be overshot by as many names as are guessed at once.
 */
@ApplicationScoped
public class PasswordCheckQueue {

    private static final int LOCKS = 1024;
    /** Longer than a queue of honest logins of one name ever gets; a flood of guesses is refused instead. */
    private static final long WAIT_SECONDS = 20;

    private final ReentrantLock[] locks = new ReentrantLock[LOCKS];

    public PasswordCheckQueue() {
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    /** The lock of this name, held, or empty when the name's queue did not move within the wait. */
    ReentrantLock enter(String name) {
        ReentrantLock lock = locks[Math.floorMod(name == null ? 0 : name.hashCode(), LOCKS)];
        try {
            return lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS) ? lock : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
