package com.shellguard.adminaudit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * How a change is written: the fields before and after as JSON objects, and the names of those that changed. A
 * secret is written as {@code "set"} before; after, as {@code "set"} on creation, else {@code "changed"} or
 * {@code "unchanged"}; a secret that is not there is left out. Its fingerprint is never written.
 *
 * @param before  the JSON object of the fields before, null for a creation
 * @param after   the JSON object of the fields after, null for a deletion
 * @param changed the fields that differ, in order
 */
public record ChangeDescription(String before, String after, List<String> changed) {

    static ChangeDescription of(ChangeFields before, ChangeFields after) {
        List<String> changed = ChangeFields.changed(before, after);
        return new ChangeDescription(before == null ? null : json(before, null, changed),
                after == null ? null : json(after, before, changed), changed);
    }

    /** {@code fields} as JSON; {@code earlier} is the state before when {@code fields} is the state after. */
    private static String json(ChangeFields fields, ChangeFields earlier, List<String> changed) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        for (Map.Entry<String, Object> f : fields.fields().entrySet()) {
            String name = f.getKey();
            Object value = f.getValue();
            if (value instanceof ChangeFields.Secret secret) {
                if (secret.present()) {
                    o.add(name, earlier == null ? "set" : changed.contains(name) ? "changed" : "unchanged");
                }
            } else if (value == null) {
                o.addNull(name);
            } else if (value instanceof String s) {
                o.add(name, s);
            } else if (value instanceof Boolean b) {
                o.add(name, b);
            } else if (value instanceof Integer i) {
                o.add(name, i);
            } else if (value instanceof Long l) {
                o.add(name, l);
            } else if (value instanceof Number n) {
                o.add(name, n.toString());
            } else if (value instanceof List<?> list) {
                JsonArrayBuilder a = Json.createArrayBuilder();
                list.forEach(e -> a.add(String.valueOf(e)));
                o.add(name, a);
            }
        }
        return o.build().toString();
    }
}
