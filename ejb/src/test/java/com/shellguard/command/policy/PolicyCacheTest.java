package com.shellguard.command.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shellguard.command.rule.PolicyChanged;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PolicyCacheTest {

    /** The database as the cache sees it: a version, a policy, a session row; and a switch to make it fail. */
    static final class FakeLoader extends PolicyLoader {
        long version = 1;
        int loads;
        int sessionLoads;
        boolean down;
        boolean sessionOpen = true;
        /** When set, the next load signals that it started and waits for the gate to open. */
        CountDownLatch started;
        CountDownLatch gate;

        @Override
        public CommandPolicy load() {
            if (down) {
                throw new IllegalStateException("database down");
            }
            if (gate != null) {
                CountDownLatch waitFor = gate;
                gate = null;
                started.countDown();
                try {
                    waitFor.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            loads++;
            return new CommandPolicy(version, List.of(), Set.of(), Set.of());
        }

        @Override
        public long version() {
            if (down) {
                throw new IllegalStateException("database down");
            }
            return version;
        }

        @Override
        public Optional<StoredSession> session(String sessionId) {
            sessionLoads++;
            return sessionId.startsWith("s") ? Optional.of(new StoredSession(
                    new SessionScope("alice", Set.of(), "web01", Set.of(), "root"), sessionOpen)) : Optional.empty();
        }
    }

    private final FakeLoader loader = new FakeLoader();
    private final PolicyCache cache = new PolicyCache();
    private final SessionScopes scopes = new SessionScopes();

    PolicyCacheTest() {
        cache.loader = loader;
        scopes.loader = loader;
    }

    @Test
    void thePolicyIsLoadedOnceAndThenServedFromMemory() {
        CommandPolicy first = cache.current();
        assertSame(first, cache.current());
        cache.refreshIfChanged();
        assertSame(first, cache.current());
        assertEquals(1, loader.loads);
    }

    @Test
    void aChangeCommittedOnThisNodeIsInForceAtTheNextDecision() {
        cache.current();
        loader.version = 2;
        cache.changed(new PolicyChanged(2));
        assertEquals(2, cache.current().version());
    }

    @Test
    void aDecisionMadeWhileTheRefreshTimerReloadsALocalChangeWaitsForTheNewPolicy() throws Exception {
        cache.current();
        loader.version = 2;
        cache.changed(new PolicyChanged(2));
        loader.started = new CountDownLatch(1);
        loader.gate = new CountDownLatch(1);
        CountDownLatch gate = loader.gate;
        Thread timer = new Thread(cache::refreshIfChanged);
        timer.start();
        loader.started.await();
        AtomicLong decided = new AtomicLong();
        Thread decision = new Thread(() -> decided.set(cache.current().version()));
        decision.start();
        while (decision.getState() != Thread.State.BLOCKED && decision.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        gate.countDown();
        decision.join();
        timer.join();
        assertEquals(2, decided.get(), "the decision was made with the policy from before the change");
    }

    @Test
    void aChangeOnAnotherNodeIsInForceAfterTheNextRefresh() {
        cache.current();
        loader.version = 5;
        assertEquals(1, cache.current().version());
        cache.refreshIfChanged();
        assertEquals(5, cache.current().version());
    }

    @Test
    void aFailedReloadKeepsThePolicyInForceAndTheNextRefreshCatchesUp() {
        cache.current();
        loader.version = 2;
        loader.down = true;
        cache.changed(new PolicyChanged(2));
        assertEquals(1, cache.current().version());
        assertThrows(IllegalStateException.class, cache::refreshIfChanged);
        loader.down = false;
        cache.refreshIfChanged();
        assertEquals(2, cache.current().version());
    }

    @Test
    void withoutAnyPolicyLoadedAFailureIsReported() {
        loader.down = true;
        assertThrows(IllegalStateException.class, cache::current);
    }

    @Test
    void aSessionsScopeIsLoadedOnceWhileItIsOpenAndForgottenWhenItEnds() {
        assertEquals("alice", scopes.scope("s1").orElseThrow().user());
        scopes.scope("s1");
        assertEquals(1, loader.sessionLoads);
        scopes.ended("s1");
        scopes.scope("s1");
        assertEquals(2, loader.sessionLoads);
    }

    @Test
    void aSessionThatHasEndedIsNotKept() {
        loader.sessionOpen = false;
        scopes.scope("s2");
        scopes.scope("s2");
        assertEquals(2, loader.sessionLoads);
    }

    @Test
    void aSessionGivenWhenItOpensNeedsNoLoading() {
        scopes.opened("s3", new SessionScope("bob", Set.of(), "db01", Set.of(), "postgres"));
        assertEquals("bob", scopes.scope("s3").orElseThrow().user());
        assertEquals(0, loader.sessionLoads);
    }

    @Test
    void anUnknownSessionHasNoScope() {
        assertEquals(Optional.empty(), scopes.scope("unknown"));
    }

    @Test
    void aSessionsRulesAreWorkedOutOncePerPolicyVersion() {
        CommandPolicy v1 = cache.current();
        SessionPolicy first = scopes.policy("s4", v1).orElseThrow();
        assertSame(first, scopes.policy("s4", v1).orElseThrow());
        loader.version = 2;
        cache.refreshIfChanged();
        assertEquals(2, scopes.policy("s4", cache.current()).orElseThrow().version());
    }
}
