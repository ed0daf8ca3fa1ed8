package com.shellguard.sso;

import com.shellguard.common.ValidationException;
import com.shellguard.user.Role;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Single sign-on settings, checked: the provider (its issuer URL, from which everything else is discovered), the
 * gateway's client there, which claims name the person and their groups, which groups make an admin or an auditor,
 * and whether a person the gateway has never seen becomes an account.
 */
public record SsoConfig(URI issuer, String clientId, String clientSecret, String usernameClaim, String rolesClaim,
                        Set<String> adminGroups, Set<String> auditorGroups, boolean createUsers, URI consoleUrl,
                        Duration timeout, Duration keyWindow) {

    /** What an account's binding to its provider person keeps of the issuer ({@code sg_user.sso_issuer}). */
    private static final int MAX_ISSUER = 1024;

    static SsoConfig of(String issuer, String clientId, String clientSecret, String usernameClaim, String rolesClaim,
                        String adminGroups, String auditorGroups, String createUsers, String consoleUrl, String timeout,
                        String keyHours) {
        URI issuerUri = uri("SHELLGUARD_OIDC_ISSUER", issuer);
        if (issuerUri.toString().length() > MAX_ISSUER) {
            throw new ValidationException("SHELLGUARD_OIDC_ISSUER is longer than " + MAX_ISSUER + " characters");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new ValidationException("SHELLGUARD_OIDC_CLIENT_ID is required with SHELLGUARD_OIDC_ISSUER");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new ValidationException("SHELLGUARD_OIDC_CLIENT_SECRET is required with SHELLGUARD_OIDC_ISSUER (a confidential client)");
        }
        boolean create = switch (createUsers.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ValidationException("SHELLGUARD_OIDC_CREATE_USERS must be true or false, not \"" + createUsers + "\"");
        };
        int seconds;
        try {
            seconds = Integer.parseInt(timeout.trim());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > 120) {
            throw new ValidationException("SHELLGUARD_OIDC_TIMEOUT must be 1 to 120 seconds, not \"" + timeout + "\"");
        }
        int hours;
        try {
            hours = Integer.parseInt(keyHours.trim());
        } catch (NumberFormatException e) {
            hours = -1;
        }
        if (hours < 0 || hours > 24) {
            throw new ValidationException("SHELLGUARD_OIDC_KEY_HOURS must be 0 (off) to 24 hours, not \"" + keyHours + "\"");
        }
        return new SsoConfig(issuerUri, clientId.trim(), clientSecret, usernameClaim.trim(), rolesClaim.trim(),
                groups(adminGroups), groups(auditorGroups), create,
                consoleUrl == null || consoleUrl.isBlank() ? null : uri("SHELLGUARD_OIDC_CONSOLE_URL", consoleUrl),
                Duration.ofSeconds(seconds), Duration.ofHours(hours));
    }

    private static URI uri(String setting, String value) {
        try {
            URI uri = URI.create(value.trim().replaceAll("/+$", ""));
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ValidationException(setting + " \"" + value + "\" is not an https:// URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(setting + " \"" + value + "\" is not a URL: " + e.getMessage());
        }
    }

    private static Set<String> groups(String list) {
        return list == null ? Set.of() : Arrays.stream(list.split(";")).map(String::trim).filter(g -> !g.isEmpty())
                .map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The role the provider's groups give: ADMIN before AUDITOR; USER for everyone else. Names compare without case. */
    public Role role(Collection<String> providerGroups) {
        Set<String> lower = providerGroups.stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (lower.stream().anyMatch(adminGroups::contains)) {
            return Role.ADMIN;
        }
        return lower.stream().anyMatch(auditorGroups::contains) ? Role.AUDITOR : Role.USER;
    }

    /** The console's own address as the provider sends the browser back to it, when set (behind a proxy). */
    public Optional<URI> console() {
        return Optional.ofNullable(consoleUrl);
    }
}
