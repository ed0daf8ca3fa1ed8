package com.shellguard.directory;

import com.shellguard.user.GatewayUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets a directory account's registered public key in only while the directory still has the person active: the
 * person is looked up with the service account (and their role and groups follow the answer, as at a password
 * login). An active answer is kept for {@code SHELLGUARD_LDAP_KEY_CHECK_SECONDS} (default 60), so scp and Ansible
 * runs do not ask the directory for every connection; a person removed or disabled in the directory can therefore
 * still use a key for up to that long. Refusals are not kept: a person put back is let in at once.
 */
@ApplicationScoped
public class DirectoryKeyCheck {

    private static final Logger LOG = Logger.getLogger(DirectoryKeyCheck.class.getName());
    private static final int MAX_ENTRIES = 10_000;

    @Inject
    DirectorySettings settings;

    @Inject
    LdapDirectory directory;

    @Inject
    DirectoryAccounts accounts;

    private final ConcurrentHashMap<String, Long> activeUntil = new ConcurrentHashMap<>();

    /** Why a key of this directory account is refused now, or empty when the person is active; needs a transaction. */
    public Optional<String> refusal(GatewayUser user) {
        if (!settings.configured()) {
            return Optional.of("directory account, but no directory is configured");
        }
        String name = user.getUsername();
        Long until = activeUntil.get(name);
        if (until != null && until - System.nanoTime() > 0) {
            return Optional.empty();
        }
        Optional<DirectoryPerson> person;
        try {
            person = directory.find(name);
        } catch (DirectoryUnavailableException e) {
            LOG.log(Level.WARNING, "key login of " + name + " refused: " + e.getMessage());
            return Optional.of(DirectoryUnavailableException.REASON);
        }
        if (person.isEmpty() || person.get().disabled()) {
            activeUntil.remove(name);
            accounts.dismiss(user);
            return Optional.of(person.isEmpty() ? "removed from the directory" : "disabled in the directory");
        }
        accounts.follow(user, person.get());
        if (activeUntil.size() >= MAX_ENTRIES) {
            activeUntil.clear();
        }
        activeUntil.put(name, System.nanoTime() + settings.config().keyCheck().toNanos());
        return Optional.empty();
    }
}
