package com.shellguard.directory;

import com.shellguard.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory settings from MicroProfile Config, as the node's other settings ({@code SHELLGUARD_LDAP_*} in the
 * environment, or {@code shellguard.ldap.*} system properties). Without {@code SHELLGUARD_LDAP_URL} there is no
 * directory and every account is local. A bad value is refused with the setting's name at the first login that needs
 * the directory and logged; it never lets anyone in.
 */
@ApplicationScoped
public class DirectorySettings {

    @Inject @ConfigProperty(name = "shellguard.ldap.url") Optional<String> url;
    @Inject @ConfigProperty(name = "shellguard.ldap.bind.dn") Optional<String> bindDn;
    @Inject @ConfigProperty(name = "shellguard.ldap.bind.password") Optional<String> bindPassword;
    @Inject @ConfigProperty(name = "shellguard.ldap.user.base") Optional<String> userBase;
    @Inject @ConfigProperty(name = "shellguard.ldap.user.filter", defaultValue = "(uid={0})") String userFilter;
    @Inject @ConfigProperty(name = "shellguard.ldap.disabled.filter") Optional<String> disabledFilter;
    @Inject @ConfigProperty(name = "shellguard.ldap.group.base") Optional<String> groupBase;
    @Inject @ConfigProperty(name = "shellguard.ldap.group.filter", defaultValue = "(member={0})") String groupFilter;
    @Inject @ConfigProperty(name = "shellguard.ldap.group.name.attribute", defaultValue = "cn") String groupNameAttribute;
    @Inject @ConfigProperty(name = "shellguard.ldap.memberof.attribute", defaultValue = "memberOf") String memberOfAttribute;
    @Inject @ConfigProperty(name = "shellguard.ldap.group.map") Optional<String> groupMap;
    @Inject @ConfigProperty(name = "shellguard.ldap.admin.groups") Optional<String> adminGroups;
    @Inject @ConfigProperty(name = "shellguard.ldap.auditor.groups") Optional<String> auditorGroups;
    @Inject @ConfigProperty(name = "shellguard.ldap.tls.ca") Optional<String> tlsCa;
    @Inject @ConfigProperty(name = "shellguard.ldap.timeout", defaultValue = "5") int timeoutSeconds;
    @Inject @ConfigProperty(name = "shellguard.ldap.key.check.seconds", defaultValue = "60") int keyCheckSeconds;

    private volatile DirectoryConfig config;

    public boolean configured() {
        return url.filter(u -> !u.isBlank()).isPresent();
    }

    /** The checked configuration; call only when {@link #configured()}. */
    public DirectoryConfig config() {
        DirectoryConfig checked = config;
        if (checked == null) {
            try {
                checked = DirectoryConfig.of(url.orElseThrow(), bindDn.orElse(null), bindPassword.orElse(null),
                        userBase.orElse(null), userFilter, disabledFilter.orElse(null), groupBase.orElse(null), groupFilter,
                        groupNameAttribute, memberOfAttribute, groupMap.orElse(null), adminGroups.orElse(null),
                        auditorGroups.orElse(null), tlsCa.orElse(null), timeoutSeconds, keyCheckSeconds);
            } catch (ValidationException e) {
                throw new DirectoryUnavailableException("the directory settings are wrong: " + e.getMessage(), e);
            }
            config = checked;
        }
        return checked;
    }
}
