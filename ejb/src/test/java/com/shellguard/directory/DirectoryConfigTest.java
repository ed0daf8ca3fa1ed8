package com.shellguard.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.common.ValidationException;
import org.junit.jupiter.api.Test;

class DirectoryConfigTest {

    private static DirectoryConfig config(String url, String userFilter) {
        return DirectoryConfig.of(url, "cn=gateway,dc=example,dc=com", "secret", "ou=people,dc=example,dc=com", userFilter,
                "(userAccountControl:1.2.840.113556.1.4.803:=2)", null, "(member={0})", "cn", "memberOf", null, null, null,
                null, 5, 60);
    }

    @Test
    void aNameIsEscapedIntoTheUserFilterSoItCanOnlyEverBeAValue() throws Exception {
        DirectoryConfig ad = config("ldaps://dc1.example.com", "(&(objectClass=user)(sAMAccountName={0}))");
        assertEquals("(&(objectClass=user)(sAMAccountName=a\\2a\\29\\28uid=\\2a\\5c\\00))",
                ad.userFilter("a*)(uid=*\\\u0000").toString());
    }

    @Test
    void aUserDnIsEscapedIntoTheGroupFilter() throws Exception {
        DirectoryConfig config = config("ldap://ldap.example.com", "(uid={0})");
        assertEquals("(member=uid=o\\28brien\\29,ou=people,dc=example,dc=com)",
                config.groupFilter("uid=o(brien),ou=people,dc=example,dc=com", "obrien").toString());
    }

    @Test
    void ldapsIsUsedAsIsAndLdapTakesTheStandardPort() {
        assertTrue(config("ldaps://dc1.example.com", "(uid={0})").ldaps());
        DirectoryConfig plain = config("ldap://ldap.example.com", "(uid={0})");
        assertEquals(389, plain.url().getPort());
        assertEquals(636, config("ldaps://dc1.example.com", "(uid={0})").url().getPort());
    }

    @Test
    void badSettingsAreRefusedWithTheSettingsName() {
        assertTrue(assertThrows(ValidationException.class, () -> config("http://ldap.example.com", "(uid={0})"))
                .getMessage().startsWith("SHELLGUARD_LDAP_URL \"http://ldap.example.com\" is not an ldaps:// or ldap:// URL"));
        assertMessage("SHELLGUARD_LDAP_USER_FILTER must contain {0} where the user name goes",
                () -> config("ldap://ldap.example.com", "(uid=alice)"));
        assertTrue(assertThrows(ValidationException.class, () -> config("ldap://ldap.example.com", "(uid={0}"))
                .getMessage().startsWith("SHELLGUARD_LDAP_USER_FILTER \"(uid={0}\" is not an LDAP filter"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable settings) {
        assertEquals(expected, assertThrows(ValidationException.class, settings).getMessage());
    }
}
