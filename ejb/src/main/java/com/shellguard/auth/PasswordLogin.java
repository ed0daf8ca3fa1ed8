package com.shellguard.auth;

import com.shellguard.totp.TotpEnrolments;
import com.shellguard.common.Names;
import com.shellguard.common.ValidationException;
import com.shellguard.directory.DirectoryAccounts;
import com.shellguard.directory.DirectoryBind;
import com.shellguard.directory.DirectorySettings;
import com.shellguard.directory.DirectoryUnavailableException;
import com.shellguard.directory.LdapDirectory;
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

    @Inject
    DirectorySettings directorySettings;

    @Inject
    LdapDirectory directory;

    @Inject
    DirectoryAccounts directoryAccounts;

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
        PasswordCheck check;
        try {
            check = verify(name, password, door);
        } catch (DirectoryUnavailableException e) {
            LOG.log(Level.WARNING, "password login of " + name + " refused: " + e.getMessage());
            return PasswordCheck.refused(DirectoryUnavailableException.REASON);
        }
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
        if (found.map(GatewayUser::isDirectory).orElse(directorySettings.configured())) {
            return verifyWithDirectory(name, password, door, found);
        }
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
        return acceptedAt(door, account);
    }

    /** A right password: accepted, unless HTTP Basic brought it for an account whose second factor it cannot carry. */
    private PasswordCheck acceptedAt(LoginDoor door, GatewayUser account) {
        String name = account.getUsername();
        if (door.cannotCarrySecondFactor() && secondFactors.isActive(name)) {
            return PasswordCheck.refused("right password, but " + name + " has a second factor: HTTP Basic cannot carry it, use an API token");
        }
        return PasswordCheck.accepted(account);
    }

    private PasswordCheck verifyWithDirectory(String name, String password, LoginDoor door, Optional<GatewayUser> found) {
        if (!directorySettings.configured()) {
            PasswordHasher.spendVerificationTime(password);
            return PasswordCheck.refused("directory account, but no directory is configured");
        }
        // only REST clients, which send the password with every request, may skip the directory for a minute: a login
        // by SSH or the console always asks it, so a person removed there is refused at once
        boolean cached = door == LoginDoor.API;
        if (cached && found.isPresent() && found.get().isEnabled() && door.admits(found.get().getRole())
                && recentlyVerified.recentlyVerified(name, password, found.get().credentialStamp())) {
            return acceptedAt(door, found.get());
        }
        try {
            Names.requireUsername("user name", name);
        } catch (ValidationException e) {
            PasswordHasher.spendVerificationTime(password);
            return PasswordCheck.refused("unknown user (" + e.getMessage() + ")");
        }
        DirectoryBind bind = directory.authenticate(name, password);
        if (!bind.isAccepted()) {
            PasswordHasher.spendVerificationTime(password); // as long as a local refusal, whatever the directory answered
            if (bind.personGone()) {
                found.ifPresent(directoryAccounts::dismiss);
            }
            return PasswordCheck.refused(bind.refusal());
        }
        GatewayUser account = directoryAccounts.admit(name, bind.person());
        if (!account.isEnabled()) {
            return PasswordCheck.refused("account disabled");
        }
        if (!door.admits(account.getRole())) {
            return PasswordCheck.refused("right password, but role " + account.getRole() + " may not use " + door.description());
        }
        if (cached) {
            recentlyVerified.remember(name, password, account.credentialStamp());
        }
        return acceptedAt(door, account);
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
