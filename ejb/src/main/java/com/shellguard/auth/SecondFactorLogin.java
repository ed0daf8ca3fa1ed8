package com.shellguard.auth;

import com.shellguard.totp.TotpCheck;
import com.shellguard.totp.TotpEnrolments;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The second step of a login, at every door that asks for one (SSH's "Verification code:", the console's code
 * page): a TOTP code or a recovery code. It belongs to the same lockout as passwords: a locked account or throttled
 * address is refused before the code is looked at, each wrong or replayed code counts a failure, and only a login
 * that passed this step starts the account's count afresh (a right password alone does not, or a guesser who knows
 * the password could try codes for ever).
 */
@Stateless
public class SecondFactorLogin {

    private static final Logger LOG = Logger.getLogger(SecondFactorLogin.class.getName());

    /** How the step ended: the check's result, or the lockout's refusal ({@code LOCKED}, {@code THROTTLED}). */
    public record Outcome(TotpCheck check, String lockout) {

        public boolean accepted() {
            return lockout == null && check.accepted();
        }

        /** The audit's reason: why it was refused, or that a recovery code was spent. */
        public String reason() {
            return lockout != null ? lockout : check == TotpCheck.ACCEPTED ? null : check.name();
        }
    }

    @Inject
    LoginLockout lockout;

    @Inject
    TotpEnrolments enrolments;

    public Outcome check(String name, String code, String sourceAddress) {
        LoginStanding standing = lockout.standing(name, sourceAddress);
        if (standing.refused().isPresent()) {
            return new Outcome(null, standing.refusal());
        }
        TotpCheck check = enrolments.check(name, code);
        if (check.accepted()) {
            if (standing.accountFailuresCounted()) {
                lockout.succeeded(name);
            }
        } else {
            countFailure(name, sourceAddress);
        }
        return new Outcome(check, null);
    }

    /** Recovery codes the account has left, for the note a login with one leaves in the audit. */
    public int recoveryCodesLeft(String name) {
        return enrolments.recoveryCodesLeft(name);
    }

    private void countFailure(String name, String sourceAddress) {
        try {
            lockout.failed(name, sourceAddress);
        } catch (EJBException first) {
            try {
                lockout.failed(name, sourceAddress);
            } catch (EJBException second) {
                LOG.log(Level.WARNING, "could not count a wrong second factor of " + name + " from " + sourceAddress, second);
            }
        }
    }
}
