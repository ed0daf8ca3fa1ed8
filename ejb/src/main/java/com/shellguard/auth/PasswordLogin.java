package com.shellguard.auth;

import com.shellguard.totp.TotpEnrolments;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.PasswordHasher;
import com.shellguard.user.UserRepository;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One password check for every door (SSH, HTTP Basic, the console's form), so each refuses and counts alike.
 * Checks of one name take turns on a node ({@link PasswordCheckQueue}), so parallel guesses each meet the
 * failures counted before them. A locked account or throttled address is refused before the password is looked at. Otherwise every refusal
 * (unknown name, disabled account, wrong password, or a right password for an account whose role the door does
 * not admit) costs the same hashing time and counts as a failure; the caller answers them all alike and keeps the
 * precise reason for the audit.
 */
@Stateless
public class PasswordLogin {

    private static final Logger LOG = Logger.getLogger(PasswordLogin.class.getName());

    @Inject
    UserRepository users;

    @Inject
    LoginLockout lockout;

    @Inject
    BasicCredentialCache recentlyVerified;

    @Inject
    PasswordCheckQueue queue;

    @Inject
    TotpEnrolments secondFactors;

    public PasswordCheck check(String name, String password, String sourceAddress, LoginDoor door) {
        ReentrantLock turn = queue.enter(name);
        if (turn == null) {
            PasswordHasher.spendVerificationTime(password);
            countFailure(name, sourceAddress);
            return PasswordCheck.refused("too many logins of " + name + " at once");
        }
        try {
            return checkInTurn(name, password, sourceAddress, door);
        } finally {
            turn.unlock();
        }
    }

    private PasswordCheck checkInTurn(String name, String password, String sourceAddress, LoginDoor door) {
        LoginStanding standing = lockout.standing(name, sourceAddress);
        if (standing.refused().isPresent()) {
            return PasswordCheck.refused(standing.refusal());
        }
        PasswordCheck check = verify(name, password, door);
        if (check.isAccepted()) {
            if (standing.accountFailuresCounted() && !secondFactors.isActive(name)) {
                lockout.succeeded(name);
            }
        } else {
            countFailure(name, sourceAddress);
        }
        return check;
    }

    private PasswordCheck verify(String name, String password, LoginDoor door) {
        Optional<GatewayUser> found = users.find(name);
        if (found.isEmpty()) {
            PasswordHasher.spendVerificationTime(password);
            return PasswordCheck.refused("unknown user");
        }
        GatewayUser account = found.get();
        String stamp = account.credentialStamp();
        // an account the door does not admit never takes the cache's fast path: its right password must cost the
        // hash every time, as a wrong one does, or the answer's timing would tell them apart
        boolean admitted = door.admits(account.getRole());
        boolean right = admitted && account.isEnabled() && recentlyVerified.recentlyVerified(name, password, stamp);
        if (!right) {
            if (!account.acceptsPassword(password)) {
                return PasswordCheck.refused(!account.isEnabled() ? "account disabled"
                        : account.hasPassword() ? "wrong password" : name + " has no password");
            }
            if (admitted) {
                recentlyVerified.remember(name, password, stamp);
            }
        }
        if (!admitted) {
            return PasswordCheck.refused("right password, but role " + account.getRole() + " may not use " + door.description());
        }
        if ((door == LoginDoor.API || door == LoginDoor.ENROLMENT) && secondFactors.isActive(name)) {
            return PasswordCheck.refused("right password, but " + name + " has a second factor: HTTP Basic cannot carry it, use an API token");
        }
        return PasswordCheck.accepted(account);
    }

    private void countFailure(String name, String sourceAddress) {
        try {
            lockout.failed(name, sourceAddress);
        } catch (EJBException first) {
            try {
                lockout.failed(name, sourceAddress); // another node created the same count at the same moment
            } catch (EJBException second) {
                LOG.log(Level.WARNING, "could not count a failed login of " + name + " from " + sourceAddress, second);
            }
        }
    }
}
