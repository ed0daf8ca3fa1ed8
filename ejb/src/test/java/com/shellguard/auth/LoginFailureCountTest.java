package com.shellguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginFailureCountTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCK = Duration.ofMinutes(10);
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);

    private final LoginFailureCount count = new LoginFailureCount(LoginFailureCount.account("alice"));

    private void failAt(OffsetDateTime time) {
        count.failedAt(time, 5, WINDOW, LOCK);
    }

    @Test
    void theFifthFailureWithinTheWindowLocksForTheLockPeriod() {
        for (int i = 0; i < 4; i++) {
            failAt(T0.plusMinutes(i));
            assertFalse(count.lockedAt(T0.plusMinutes(i)), "failure " + (i + 1) + " does not lock yet");
        }
        failAt(T0.plusMinutes(14));
        assertTrue(count.lockedAt(T0.plusMinutes(14)));
        assertTrue(count.lockedAt(T0.plusMinutes(23).plusSeconds(59)));
        assertFalse(count.lockedAt(T0.plusMinutes(24)), "the lock ends after its period");
    }

    @Test
    void failuresSpreadBeyondTheWindowNeverLock() {
        for (int i = 0; i < 20; i++) {
            failAt(T0.plusMinutes(4L * i));
            assertFalse(count.lockedAt(T0.plusMinutes(4L * i)), "failure " + (i + 1) + " at minute " + 4 * i);
        }
    }

    @Test
    void aWindowThatHasEndedStartsAgainWithTheNextFailure() {
        for (int i = 0; i < 4; i++) {
            failAt(T0);
        }
        failAt(T0.plus(WINDOW));
        assertEquals(1, count.failures());
        assertFalse(count.lockedAt(T0.plus(WINDOW)));
    }

    @Test
    void afterALockEndsTheAccountHasItsFullAllowanceAgain() {
        for (int i = 0; i < 5; i++) {
            failAt(T0);
        }
        OffsetDateTime afterLock = T0.plus(LOCK);
        for (int i = 0; i < 4; i++) {
            failAt(afterLock);
        }
        assertFalse(count.lockedAt(afterLock));
        failAt(afterLock);
        assertTrue(count.lockedAt(afterLock));
    }

    @Test
    void aLimitOfZeroNeverLocks() {
        for (int i = 0; i < 100; i++) {
            count.failedAt(T0, 0, WINDOW, LOCK);
        }
        assertFalse(count.lockedAt(T0));
    }

    @Test
    void anAddressIsCountedByItsHostWhateverThePort() {
        assertEquals("address:203.0.113.7", LoginFailureCount.address("203.0.113.7:50312"));
        assertEquals(LoginFailureCount.address("203.0.113.7:50312"), LoginFailureCount.address("203.0.113.7:41000"));
        assertEquals("address:0:0:0:0:0:0:0:0/64", LoginFailureCount.address("0:0:0:0:0:0:0:1:50312"), "an IPv6 host by its /64");
    }

    @Test
    void accountsAndAddressesNeverShareASubject() {
        assertNotEquals(LoginFailureCount.account("10.0.0.1"), LoginFailureCount.address("10.0.0.1:22"));
    }

    @Test
    void aVeryLongNameGetsASubjectThatFitsItsColumnAndStaysItsOwn() {
        String longName = "x".repeat(5000);
        String subject = LoginFailureCount.account(longName);
        assertTrue(subject.length() <= 255, subject);
        assertEquals(subject, LoginFailureCount.account(longName));
        assertNotEquals(subject, LoginFailureCount.account(longName + "y"));
    }

    @Test
    void aPolicyRefusesNegativeLimitsAndEmptyPeriods() {
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(-1, 20, WINDOW, LOCK));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, 20, Duration.ZERO, LOCK));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, 20, WINDOW, Duration.ofMinutes(-1)));
    }
}
