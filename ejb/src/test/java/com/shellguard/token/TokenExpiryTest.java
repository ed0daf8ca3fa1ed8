package com.shellguard.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shellguard.common.ValidationException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void anInstantInTheFutureIsTheExpiry() {
        assertEquals(OffsetDateTime.of(2027, 1, 31, 0, 0, 0, 0, ZoneOffset.UTC), ApiTokenService.expiryOf("2027-01-31T00:00:00Z", NOW));
    }

    @Test
    void anInstantNoDateHoldsIsABadRequestNotAnError() {
        assertThrows(ValidationException.class, () -> ApiTokenService.expiryOf("+1000000000-12-31T23:59:59.999999999Z", NOW));
        assertThrows(ValidationException.class, () -> ApiTokenService.expiryOf("+10000-01-01T00:00:00Z", NOW));
    }

    @Test
    void aPastOrMalformedExpiryIsRefused() {
        assertThrows(ValidationException.class, () -> ApiTokenService.expiryOf("2020-01-01T00:00:00Z", NOW));
        assertThrows(ValidationException.class, () -> ApiTokenService.expiryOf("tomorrow", NOW));
    }
}
