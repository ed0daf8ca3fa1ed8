package com.shellguard.api;

import com.shellguard.common.ValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Typed reads from a request body; a field of the wrong type is a 400 that names it. Absent or null reads as null. */
final class JsonFields {

    private JsonFields() {
    }

    static JsonObject body(JsonObject body) {
        if (body == null) {
            throw new ValidationException("a JSON object is required as the request body");
        }
        return body;
    }

    static String string(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new ValidationException(field + " must be a string");
    }

    static Integer integer(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                throw new ValidationException(field + " is out of range");
            }
        }
        throw new ValidationException(field + " must be an integer");
    }

    static Boolean bool(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw new ValidationException(field + " must be true or false");
    }

    static List<String> strings(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonArray array)) {
            throw new ValidationException(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString s)) {
                throw new ValidationException(field + "[" + i + "] must be a string");
            }
            out.add(s.getString());
        }
        return out;
    }

    static Set<String> stringSet(JsonObject o, String field) {
        List<String> list = strings(o, field);
        return list == null ? null : new LinkedHashSet<>(list);
    }

    static <E extends Enum<E>> E enumValue(JsonObject o, String field, Class<E> type) {
        return constant(field, string(o, field), type);
    }

    /** One of an enum's constants, named in any case; null stays null. */
    static <E extends Enum<E>> E constant(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
