package com.shellguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shellguard.command.audit.Verdict;
import com.shellguard.common.ValidationException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void absentParametersMeanNoFilter() {
        assertNull(QueryParameters.flag("success", null));
        assertNull(QueryParameters.time("from", ""));
        assertNull(QueryParameters.constant("verdict", " ", Verdict.class));
        assertEquals(0, QueryParameters.count("limit", null));
    }

    @Test
    void wellFormedValuesAreRead() {
        assertEquals(Boolean.FALSE, QueryParameters.flag("success", "False"));
        assertEquals(OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC), QueryParameters.time("from", "2026-11-22T09:00:00Z"));
        assertEquals(50, QueryParameters.count("limit", "50"));
        assertEquals(Verdict.BLOCKED, QueryParameters.constant("verdict", "blocked", Verdict.class));
        assertEquals(5_000_000_000L, QueryParameters.byteOffset("from", "5000000000"));
    }

    @Test
    void malformedValuesAreRefusedNamingTheParameter() {
        assertEquals("active must be true or false",
                assertThrows(ValidationException.class, () -> QueryParameters.flag("active", "yes")).getMessage());
        assertEquals("limit must be a whole number of 0 or more",
                assertThrows(ValidationException.class, () -> QueryParameters.count("limit", "ten")).getMessage());
        assertThrows(ValidationException.class, () -> QueryParameters.count("offset", "-1"));
        assertEquals("from must be a byte offset of 0 or more",
                assertThrows(ValidationException.class, () -> QueryParameters.byteOffset("from", "-1")).getMessage());
        assertThrows(ValidationException.class, () -> QueryParameters.byteOffset("from", "end"));
        assertThrows(ValidationException.class, () -> QueryParameters.time("to", "yesterday"));
        assertThrows(ValidationException.class, () -> QueryParameters.time("to", "2026-11-22T09:00:00"));
        assertEquals("verdict must be one of [ALLOWED, BLOCKED, ALERTED, TERMINATED]",
                assertThrows(ValidationException.class, () -> QueryParameters.constant("verdict", "maybe", Verdict.class)).getMessage());
    }
}
