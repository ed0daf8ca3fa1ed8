package com.shellguard.totp;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Names;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a person must show a second factor, and what that means for a login: an account with an active TOTP
 * always shows it; an account the requirement covers without one is refused until it enrols (in the console, or
 * by an admin over the API), since a login that skipped the factor would make the requirement a suggestion.
 */
@Stateless
public class MfaPolicy {

    @Inject
    AdminChangeRecorder changes;

    /** What a login that passed its first factor still needs. */
    public enum Need {
        NOTHING, TOTP, ENROLMENT
    }

    /** The requirement as set: {@code everyone}, or the members of {@code groups}; neither means nobody. */
    public record Setting(boolean everyone, Set<String> groups) {
    }

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    TotpEnrolments enrolments;

    public Setting setting() {
        MfaRequirement row = em.find(MfaRequirement.class, MfaRequirement.ID);
        return row == null ? new Setting(false, Set.of()) : new Setting(row.everyone(), row.groups());
    }

    public Setting set(boolean everyone, Set<String> groups) {
        Set<String> names = new TreeSet<>();
        for (String group : groups) {
            names.add(Names.require("required[]", group));
        }
        Set<String> kept = everyone ? Set.of() : names;
        ChangeFields before = fields(setting());
        MfaRequirement row = em.find(MfaRequirement.class, MfaRequirement.ID);
        if (row == null) {
            em.persist(new MfaRequirement(everyone, kept));
        } else {
            row.set(everyone, kept);
        }
        Setting set = new Setting(everyone, kept);
        changes.record("mfa-settings", "mfa", "update", before, fields(set));
        return set;
    }

    private static ChangeFields fields(Setting s) {
        return ChangeFields.of().put("required", s.everyone() ? "all" : s.groups().isEmpty() ? "none" : new TreeSet<>(s.groups()));
    }

    public boolean requires(Set<String> groupsOfPerson) {
        Setting setting = setting();
        return setting.everyone() || setting.groups().stream().anyMatch(groupsOfPerson::contains);
    }

    /** What the account still needs once its password or key was accepted. */
    public Need need(String username, Set<String> groupsOfPerson) {
        if (enrolments.isActive(username)) {
            return Need.TOTP;
        }
        return requires(groupsOfPerson) ? Need.ENROLMENT : Need.NOTHING;
    }
}
