package com.shellguard.adminaudit;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A resource's fields as the admin audit shows them, in the order given: text, numbers, booleans and lists of text,
 * and secrets. A secret is given as a fingerprint (the stored hash, the sealed value: anything that changes when the
 * secret does), which is compared with the other side's and never written anywhere.
 */
public final class ChangeFields {

    /** A secret's fingerprint, null when there is none; only {@link #equals} is ever asked of it. */
    record Secret(String fingerprint) {

        boolean present() {
            return fingerprint != null;
        }

        @Override
        public String toString() {
            return "(secret)";
        }
    }

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ChangeFields() {
    }

    public static ChangeFields of() {
        return new ChangeFields();
    }

    /** A field: text, a number, a boolean, an enum (its name), a collection (its elements as text), or null. */
    public ChangeFields put(String name, Object value) {
        Object shown;
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            shown = value;
        } else if (value instanceof Enum<?> e) {
            shown = e.name();
        } else if (value instanceof Collection<?> c) {
            shown = c.stream().map(String::valueOf).toList();
        } else {
            shown = value.toString();
        }
        fields.put(name, shown);
        return this;
    }

    /** A secret field, by its fingerprint (null: none is set). */
    public ChangeFields secret(String name, String fingerprint) {
        fields.put(name, new Secret(fingerprint));
        return this;
    }

    Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** The names of the fields whose value differs between {@code before} and {@code after} (either may be null). */
    static List<String> changed(ChangeFields before, ChangeFields after) {
        Map<String, Object> b = before == null ? Map.of() : before.fields;
        Map<String, Object> a = after == null ? Map.of() : after.fields;
        LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
        b.keySet().forEach(n -> names.put(n, true));
        a.keySet().forEach(n -> names.put(n, true));
        return names.keySet().stream().filter(n -> !Objects.equals(present(b.get(n)), present(a.get(n)))).toList();
    }

    /** An absent secret and a missing field are the same thing to compare. */
    private static Object present(Object value) {
        return value instanceof Secret s && !s.present() ? null : value;
    }
}
