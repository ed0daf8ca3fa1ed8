package com.shellguard.api;

import com.shellguard.common.ValidationException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of query parameters. They are taken as strings and converted here because JAX-RS answers a
 * parameter it cannot convert with 404, where a caller needs a 400 that names the parameter.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new ValidationException(name + " must be true or false");
    }

    static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(name + " must be an ISO-8601 time with offset, e.g. 2026-11-22T09:00:00Z");
        }
    }

    /** A non-negative count, 0 when absent. */
    static int count(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the rule
        }
        throw new ValidationException(name + " must be a whole number of 0 or more");
    }

    /** A position in a file, in bytes from its start. */
    static long byteOffset(String name, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the rule
        }
        throw new ValidationException(name + " must be a byte offset of 0 or more");
    }

    /** One of an enum's constants, in any case; null when absent. */
    static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        return value == null || value.isBlank() ? null : JsonFields.constant(name, value.trim(), type);
    }
}
