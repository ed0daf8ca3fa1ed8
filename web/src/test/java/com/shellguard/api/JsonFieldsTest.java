package com.shellguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shellguard.common.ValidationException;
import com.shellguard.user.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void absentAndNullFieldsReadAsNotGiven() {
        JsonObject o = json("{\"host\":null}");
        assertNull(JsonFields.string(o, "host"));
        assertNull(JsonFields.string(o, "name"));
        assertNull(JsonFields.integer(o, "port"));
        assertNull(JsonFields.strings(o, "labels"));
    }

    @Test
    void fieldsOfTheRightTypeAreRead() {
        JsonObject o = json("{\"name\":\"web01\",\"port\":2222,\"enabled\":false,\"labels\":[\"prod\",\"eu\"],\"role\":\"auditor\"}");
        assertEquals("web01", JsonFields.string(o, "name"));
        assertEquals(2222, JsonFields.integer(o, "port"));
        assertEquals(false, JsonFields.bool(o, "enabled"));
        assertEquals(List.of("prod", "eu"), JsonFields.strings(o, "labels"));
        assertEquals(Role.AUDITOR, JsonFields.enumValue(o, "role", Role.class));
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedNamingIt() {
        assertEquals("port must be an integer", refusal("{\"port\":\"22\"}", o -> JsonFields.integer(o, "port")));
        assertEquals("port must be an integer", refusal("{\"port\":22.5}", o -> JsonFields.integer(o, "port")));
        assertEquals("port is out of range", refusal("{\"port\":99999999999}", o -> JsonFields.integer(o, "port")));
        assertEquals("name must be a string", refusal("{\"name\":7}", o -> JsonFields.string(o, "name")));
        assertEquals("publicKeys[1] must be a string", refusal("{\"publicKeys\":[\"a\",3]}", o -> JsonFields.strings(o, "publicKeys")));
        assertEquals("enabled must be true or false", refusal("{\"enabled\":\"yes\"}", o -> JsonFields.bool(o, "enabled")));
        assertEquals("role must be one of [ADMIN, AUDITOR, USER]", refusal("{\"role\":\"root\"}", o -> JsonFields.enumValue(o, "role", Role.class)));
    }

    @Test
    void aMissingBodyIsRefused() {
        assertThrows(ValidationException.class, () -> JsonFields.body(null));
    }

    private static String refusal(String body, Function<JsonObject, Object> read) {
        return assertThrows(ValidationException.class, () -> read.apply(json(body))).getMessage();
    }
}
