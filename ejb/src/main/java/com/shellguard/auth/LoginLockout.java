package com.shellguard.auth;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.command.audit.AlertKind;
import com.shellguard.command.audit.AlertRecord;
import com.shellguard.command.audit.CommandAuditRepository;
import com.shellguard.common.Clock;
import com.shellguard.common.NotFoundException;
import com.shellguard.connector.api.AuthenticationVerdict;
import com.shellguard.directory.DirectorySettings;
import com.shellguard.directory.LdapDirectory;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops password guessing on every door: counts failed logins per account name (known or not) and per source
 * address, and refuses every attempt on a locked account ({@link #LOCKED}) or from a throttled address
 * ({@link #THROTTLED}) until the lock ends or an admin unlocks the account. The counts live in the database
 * ({@link LoginFailureCount}), so a guesser gains nothing by spreading attempts over a cluster's nodes.
 */
@Stateless
public class LoginLockout {

    public static final String LOCKED = AuthenticationVerdict.LOCKED;
    public static final String THROTTLED = AuthenticationVerdict.THROTTLED;

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    LockoutSettings settings;

    @Inject
    UserRepository users;

    @Inject
    DirectorySettings directorySettings;

    @Inject
    LdapDirectory directory;

    @Inject
    AdminChangeRecorder changes;

    @Inject
    CommandAuditRepository alerts;

    /** Whether an attempt is refused before its credential is looked at, and whether the account has failures counted. */
    public LoginStanding standing(String account, String sourceAddress) {
        String accountSubject = LoginFailureCount.account(account);
        List<String> subjects = new ArrayList<>(List.of(accountSubject));
        if (sourceAddress != null) {
            subjects.add(LoginFailureCount.address(sourceAddress));
        }
        OffsetDateTime now = Clock.now();
        List<LoginFailureCount> counts = em.createNamedQuery("LoginFailureCount.of", LoginFailureCount.class)
                .setParameter("subjects", subjects).getResultList();
        boolean accountCounted = counts.stream().anyMatch(f -> f.subject().equals(accountSubject));
        if (counts.stream().anyMatch(f -> f.subject().equals(accountSubject) && f.lockedAt(now))) {
            return new LoginStanding(LOCKED, accountCounted);
        }
        return new LoginStanding(counts.stream().anyMatch(f -> f.lockedAt(now)) ? THROTTLED : null, accountCounted);
    }

    /**
     * Counts a refused credential against the account name and the source address, in a transaction of its own
     * that commits whatever becomes of the caller's. Rows are locked while counted, so nodes counting the same
     * subject at once each add their failure; two nodes creating the same row at once make one of them fail,
     * which {@link PasswordLogin} retries.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String account, String sourceAddress) {
        LockoutPolicy policy = settings.policy();
        OffsetDateTime now = Clock.now();
        if (count(LoginFailureCount.account(account), now, policy.accountFailures(), policy)) {
            alerts.add(new AlertRecord(now, null, account, null, AlertKind.LOGIN_LOCKED, policy.accountFailures()
                    + " failed logins within " + policy.window().toMinutes() + " minutes, the last from " + sourceAddress
                    + ": locked for " + policy.lockPeriod().toMinutes() + " minutes", null));
        }
        if (sourceAddress != null && count(LoginFailureCount.address(sourceAddress), now, policy.addressFailures(), policy)) {
            alerts.add(new AlertRecord(now, null, account, null, AlertKind.ADDRESS_THROTTLED, policy.addressFailures()
                    + " failed logins from " + sourceAddress + " within " + policy.window().toMinutes() + " minutes, the last for "
                    + account + ": refused for " + policy.lockPeriod().toMinutes() + " minutes", null));
        }
    }

    /** Counts a failure of {@code subject}; true when this failure locked it. */
    private boolean count(String subject, OffsetDateTime now, int limit, LockoutPolicy policy) {
        LoginFailureCount count = em.find(LoginFailureCount.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (count == null) {
            count = new LoginFailureCount(subject);
            em.persist(count);
        }
        boolean wasLocked = count.lockedAt(now);
        count.failedAt(now, limit, policy.window(), policy.lockPeriod());
        em.flush();
        return !wasLocked && count.lockedAt(now);
    }

    /** A successful login starts the account's count afresh (its address's count stays); see {@link LoginStanding}. */
    public void succeeded(String account) {
        forget(LoginFailureCount.account(account));
    }

    /**
     * An admin ends an account's lock and its count of failures; true if there was anything to end. A person the
     * directory has but who never logged in has no account yet, and is unlocked all the same.
     */
    public boolean unlock(String account) {
        if (users.find(account).isEmpty() && !(directorySettings.configured() && directory.find(account).isPresent())) {
            throw new NotFoundException("no user " + account);
        }
        boolean ended = forget(LoginFailureCount.account(account));
        changes.record("user", account, "unlock", null, ChangeFields.of().put("lockEnded", ended));
        return ended;
    }

    private boolean forget(String subject) {
        return em.createNamedQuery("LoginFailureCount.forget").setParameter("subject", subject).executeUpdate() > 0;
    }

    /** Counts whose window and lock have both ended say nothing any more; without this, every guessed name stays. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void purge() {
        OffsetDateTime now = Clock.now();
        em.createNamedQuery("LoginFailureCount.purge")
                .setParameter("windowOpenedBefore", now.minus(settings.policy().window()))
                .setParameter("now", now).executeUpdate();
    }
}
