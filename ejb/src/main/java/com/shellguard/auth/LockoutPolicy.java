package com.shellguard.auth;

import java.time.Duration;

/**
 * How many failed logins lock what, and for how long: {@code accountFailures} failures for one account name
 * within {@code window} lock that account for {@code lockPeriod}; {@code addressFailures} failures from one
 * source address, whatever the names, throttle that address for as long. A limit of 0 switches that part off.
 */
public record LockoutPolicy(int accountFailures, int addressFailures, Duration window, Duration lockPeriod) {

    public LockoutPolicy {
        if (accountFailures < 0 || addressFailures < 0) {
            throw new IllegalArgumentException("failure limits must be 0 (off) or more, not " + accountFailures + " and "
                    + addressFailures);
        }
        if (window.isNegative() || window.isZero() || lockPeriod.isNegative() || lockPeriod.isZero()) {
            throw new IllegalArgumentException("the failure window and the lock period must be longer than 0, not "
                    + window + " and " + lockPeriod);
        }
    }
}
