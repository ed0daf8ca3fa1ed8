package com.shellguard.sso;

import com.shellguard.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single sign-on settings from MicroProfile Config, as the node's other settings ({@code SHELLGUARD_OIDC_*} in the
 * environment, or {@code shellguard.oidc.*} system properties). Without {@code SHELLGUARD_OIDC_ISSUER} there is no
 * single sign-on. A bad value refuses every single sign-on with the setting's name in the log; it never lets anyone in.
 */
@ApplicationScoped
public class SsoSettings {

    @Inject @ConfigProperty(name = "shellguard.oidc.issuer") Optional<String> issuer;
    @Inject @ConfigProperty(name = "shellguard.oidc.client.id") Optional<String> clientId;
    @Inject @ConfigProperty(name = "shellguard.oidc.client.secret") Optional<String> clientSecret;
    @Inject @ConfigProperty(name = "shellguard.oidc.provider.name", defaultValue = "single sign-on") String providerName;
    @Inject @ConfigProperty(name = "shellguard.oidc.username.claim", defaultValue = "preferred_username") String usernameClaim;
    @Inject @ConfigProperty(name = "shellguard.oidc.roles.claim", defaultValue = "groups") String rolesClaim;
    @Inject @ConfigProperty(name = "shellguard.oidc.admin.groups") Optional<String> adminGroups;
    @Inject @ConfigProperty(name = "shellguard.oidc.auditor.groups") Optional<String> auditorGroups;
    @Inject @ConfigProperty(name = "shellguard.oidc.create.users", defaultValue = "true") String createUsers;
    @Inject @ConfigProperty(name = "shellguard.oidc.console.url") Optional<String> consoleUrl;
    @Inject @ConfigProperty(name = "shellguard.oidc.timeout", defaultValue = "5") String timeoutSeconds;
    @Inject @ConfigProperty(name = "shellguard.oidc.key.hours", defaultValue = "0") String keyHours;

    private volatile SsoConfig config;

    public boolean configured() {
        return issuer.filter(i -> !i.isBlank()).isPresent();
    }

    /** What the login page calls the provider ("Sign in with ..."). */
    public String providerName() {
        return providerName;
    }

    /** The checked configuration; call only when {@link #configured()}. */
    public SsoConfig config() {
        SsoConfig checked = config;
        if (checked == null) {
            try {
                checked = SsoConfig.of(issuer.orElseThrow(), clientId.orElse(null), clientSecret.orElse(null), usernameClaim,
                        rolesClaim, adminGroups.orElse(null), auditorGroups.orElse(null), createUsers, consoleUrl.orElse(null),
                        timeoutSeconds, keyHours);
            } catch (ValidationException e) {
                throw new ProviderUnavailableException("the single sign-on settings are wrong: " + e.getMessage(), e);
            }
            config = checked;
        }
        return checked;
    }
}
