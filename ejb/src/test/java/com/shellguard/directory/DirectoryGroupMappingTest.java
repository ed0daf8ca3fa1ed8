package com.shellguard.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shellguard.common.ValidationException;
import com.shellguard.user.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectoryGroupMappingTest {

    private final DirectoryGroupMapping mapping = DirectoryGroupMapping.parse(
            "Linux Admins=linux-admins; CN=Odd=Name=odd", "ShellGuard Admins", "Auditors;Security Team");

    @Test
    void aMappedDirectoryGroupGivesItsGatewayGroupAndAnyOtherOnlyAnExistingGroupOfTheSameName() {
        assertEquals(Set.of("linux-admins", "dbas"),
                mapping.gatewayGroups(List.of("linux admins", "DBAs", "Domain Users"), List.of("dbas", "ops")));
    }

    @Test
    void aGroupMapEntrySplitsAtItsLastEqualsSign() {
        assertEquals(Set.of("odd"), mapping.gatewayGroups(List.of("cn=odd=name"), List.of()));
    }

    @Test
    void anAdminGroupMakesAnAdminBeforeAnAuditorGroupAndNoneMakesAUser() {
        assertEquals(Role.ADMIN, mapping.role(List.of("security team", "ShellGuard Admins")));
        assertEquals(Role.AUDITOR, mapping.role(List.of("Security Team")));
        assertEquals(Role.USER, mapping.role(List.of("Linux Admins")));
    }

    @Test
    void aMapEntryWithoutAValidGatewayGroupIsRefusedWithTheSettingsName() {
        ValidationException e = assertThrows(ValidationException.class, () -> DirectoryGroupMapping.parse("Linux Admins", null, null));
        assertEquals("SHELLGUARD_LDAP_GROUP_MAP: \"Linux Admins\" is not DIRECTORY_GROUP=GATEWAY_GROUP", e.getMessage());
        assertThrows(ValidationException.class, () -> DirectoryGroupMapping.parse("Linux Admins=linux admins", null, null));
    }
}
