package com.shellguard.directory;

import com.shellguard.common.ValidationException;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The directory as configured, checked once: where it is and how to reach it safely ({@code ldaps://}, or
 * {@code ldap://} which is always upgraded with StartTLS, never used in the clear), the service account, how people
 * and their groups are found, and how groups map to the gateway's. Filters take {@code {0}} for the escaped user name
 * (user filter) or the escaped user DN (group filter, with {@code {1}} the user name).
 */
public record DirectoryConfig(LDAPURL url, String bindDn, String bindPassword, String userBase, String userFilter,
                              Optional<Filter> disabledFilter, Optional<String> groupBase, String groupFilter,
                              String groupNameAttribute, String memberOfAttribute, DirectoryGroupMapping mapping,
                              Optional<Path> tlsCa, Duration timeout, Duration keyCheck) {

    public boolean ldaps() {
        return "ldaps".equalsIgnoreCase(url.getScheme());
    }

    /** The user filter for this name, the name escaped (RFC 4515) so it can only ever be a value. */
    Filter userFilter(String name) throws LDAPException {
        return Filter.create(userFilter.replace("{0}", Filter.encodeValue(name)));
    }

    Filter groupFilter(String userDn, String name) throws LDAPException {
        return Filter.create(groupFilter.replace("{0}", Filter.encodeValue(userDn)).replace("{1}", Filter.encodeValue(name)));
    }

    /** Checks every value; a bad one is refused with the setting's name, so the node does not start half-configured. */
    static DirectoryConfig of(String url, String bindDn, String bindPassword, String userBase, String userFilter,
                              String disabledFilter, String groupBase, String groupFilter, String groupNameAttribute,
                              String memberOfAttribute, String groupMap, String adminGroups, String auditorGroups,
                              String tlsCa, int timeoutSeconds, int keyCheckSeconds) {
        LDAPURL ldapUrl;
        try {
            ldapUrl = new LDAPURL(url.trim());
        } catch (LDAPException e) {
            throw new ValidationException("SHELLGUARD_LDAP_URL \"" + url + "\" is not an ldaps:// or ldap:// URL: " + e.getMessage());
        }
        if (!ldapUrl.hostProvided()) {
            throw new ValidationException("SHELLGUARD_LDAP_URL must name the directory's host");
        }
        if (blank(userBase)) {
            throw new ValidationException("SHELLGUARD_LDAP_USER_BASE is required with SHELLGUARD_LDAP_URL");
        }
        if (!blank(bindDn) && blank(bindPassword)) {
            throw new ValidationException("SHELLGUARD_LDAP_BIND_PASSWORD is required with SHELLGUARD_LDAP_BIND_DN");
        }
        checkFilter("SHELLGUARD_LDAP_USER_FILTER", userFilter, "{0}");
        checkFilter("SHELLGUARD_LDAP_GROUP_FILTER", groupFilter, null);
        Optional<Filter> disabled = Optional.empty();
        if (!blank(disabledFilter)) {
            disabled = Optional.of(checkFilter("SHELLGUARD_LDAP_DISABLED_FILTER", disabledFilter, null));
        }
        Optional<Path> ca = Optional.empty();
        if (!blank(tlsCa)) {
            ca = Optional.of(Path.of(tlsCa.trim()).toAbsolutePath());
            if (!Files.isReadable(ca.get())) {
                throw new ValidationException("SHELLGUARD_LDAP_TLS_CA: cannot read " + ca.get());
            }
        }
        if (timeoutSeconds < 1 || keyCheckSeconds < 0) {
            throw new ValidationException("SHELLGUARD_LDAP_TIMEOUT must be 1 or more and SHELLGUARD_LDAP_KEY_CHECK_SECONDS 0 or more");
        }
        return new DirectoryConfig(ldapUrl, blank(bindDn) ? null : bindDn.trim(), blank(bindDn) ? null : bindPassword,
                userBase.trim(), userFilter.trim(), disabled, blank(groupBase) ? Optional.empty() : Optional.of(groupBase.trim()),
                groupFilter.trim(), groupNameAttribute.trim(), memberOfAttribute.trim(),
                DirectoryGroupMapping.parse(groupMap, adminGroups, auditorGroups), ca, Duration.ofSeconds(timeoutSeconds),
                Duration.ofSeconds(keyCheckSeconds));
    }

    private static Filter checkFilter(String setting, String filter, String mustHave) {
        if (mustHave != null && (filter == null || !filter.contains(mustHave))) {
            throw new ValidationException(setting + " must contain " + mustHave + " where the user name goes");
        }
        try {
            return Filter.create(filter.replace("{0}", "x").replace("{1}", "x"));
        } catch (LDAPException e) {
            throw new ValidationException(setting + " \"" + filter + "\" is not an LDAP filter: " + e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
