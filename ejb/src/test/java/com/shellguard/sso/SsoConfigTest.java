package com.shellguard.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.common.ValidationException;
import com.shellguard.user.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The single sign-on settings as an operator writes them: roles from groups, and bad values named by their setting. */
class SsoConfigTest {

    private static SsoConfig config(String issuer, String createUsers, String timeout, String keyHours) {
        return SsoConfig.of(issuer, "shellguard", "secret", "preferred_username", "groups", "ShellGuard Admins; ops-admins",
                "Security Audit", createUsers, null, timeout, keyHours);
    }

    @Test
    void theGroupsClaimGivesAdminBeforeAuditorWithoutRegardToCaseAndUserToEveryoneElse() {
        SsoConfig config = config("https://sso.example.com/realms/corp/", "true", "5", "0");
        assertEquals("https://sso.example.com/realms/corp", config.issuer().toString(), "a trailing slash is not part of the issuer");
        assertEquals(Role.ADMIN, config.role(List.of("security audit", "shellguard admins")));
        assertEquals(Role.AUDITOR, config.role(List.of("staff", "SECURITY AUDIT")));
        assertEquals(Role.USER, config.role(List.of("staff")));
        assertEquals(Role.USER, config.role(List.of()));
        assertEquals(Duration.ZERO, config.keyWindow());
    }

    @Test
    void badSettingsAreRefusedWithTheirNames() {
        assertTrue(assertThrows(ValidationException.class, () -> config("ldap://sso.example.com", "true", "5", "0"))
                .getMessage().startsWith("SHELLGUARD_OIDC_ISSUER"));
        assertTrue(assertThrows(ValidationException.class, () -> config("https://sso.example.com", "maybe", "5", "0"))
                .getMessage().startsWith("SHELLGUARD_OIDC_CREATE_USERS"));
        assertTrue(assertThrows(ValidationException.class, () -> config("https://sso.example.com", "true", "0", "0"))
                .getMessage().startsWith("SHELLGUARD_OIDC_TIMEOUT"));
        assertTrue(assertThrows(ValidationException.class, () -> config("https://sso.example.com", "true", "5", "25"))
                .getMessage().startsWith("SHELLGUARD_OIDC_KEY_HOURS"));
        assertTrue(assertThrows(ValidationException.class, () -> config("https://sso.example.com/" + "r".repeat(1024), "true", "5", "0"))
                .getMessage().startsWith("SHELLGUARD_OIDC_ISSUER"), "longer than an account's binding keeps");
        assertTrue(assertThrows(ValidationException.class, () -> SsoConfig.of("https://sso.example.com", "shellguard", "",
                "preferred_username", "groups", null, null, "true", null, "5", "0")).getMessage().startsWith("SHELLGUARD_OIDC_CLIENT_SECRET"));
    }
}
