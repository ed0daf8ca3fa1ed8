package com.shellguard.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.common.ValidationException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenScopeTest {

    @Test
    void readPermitsOnlyGetAndHead() {
        assertTrue(TokenScope.READ.permitsApi("GET", "users"));
        assertTrue(TokenScope.READ.permitsApi("HEAD", "sessions/1"));
        assertFalse(TokenScope.READ.permitsApi("POST", "users"));
        assertFalse(TokenScope.READ.permitsApi("DELETE", "tokens/1"));
    }

    @Test
    void adminPermitsEverythingOfTheApiAndScimNothingOfIt() {
        assertTrue(TokenScope.ADMIN.permitsApi("DELETE", "users/ada"));
        assertFalse(TokenScope.SCIM.permitsApi("GET", "users"));
    }

    @Test
    void requestsPermitsOnlyTheAccessRequestPaths() {
        assertTrue(TokenScope.REQUESTS.permitsApi("POST", "access-requests"));
        assertTrue(TokenScope.REQUESTS.permitsApi("POST", "access-requests/7/approve"));
        assertFalse(TokenScope.REQUESTS.permitsApi("GET", "access-requests-other"));
        assertFalse(TokenScope.REQUESTS.permitsApi("GET", "users"));
    }

    @Test
    void anUnknownScopeIsAValidationErrorNamingIt() {
        ValidationException e = assertThrows(ValidationException.class, () -> TokenScope.of("root"));
        assertTrue(e.getMessage().contains("root"), e.getMessage());
    }

    @Test
    void aTokenStoredBeforeScopesReadsAsAdmin() {
        ApiToken legacy = new ApiToken("old", "admin", "sgt_x", OffsetDateTime.now(ZoneOffset.UTC), List.of(TokenScope.READ), null);
        assertEquals(EnumSet.of(TokenScope.READ), legacy.getScopes());
        try {
            var field = ApiToken.class.getDeclaredField("scopes");
            field.setAccessible(true);
            field.set(legacy, null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        assertEquals(EnumSet.of(TokenScope.ADMIN), legacy.getScopes());
    }

    @Test
    void aTokenIsExpiredFromItsExpiryOn() {
        OffsetDateTime at = OffsetDateTime.of(2027, 1, 31, 0, 0, 0, 0, ZoneOffset.UTC);
        ApiToken token = new ApiToken("t", "admin", "sgt_y", at.minusDays(1), List.of(TokenScope.SCIM), at);
        assertFalse(token.isExpiredAt(at.minusSeconds(1)));
        assertTrue(token.isExpiredAt(at));
        ApiToken forever = new ApiToken("f", "admin", "sgt_z", at, List.of(TokenScope.SCIM), null);
        assertFalse(forever.isExpiredAt(at.plusYears(100)));
    }
}
