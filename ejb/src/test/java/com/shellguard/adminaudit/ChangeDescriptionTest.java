package com.shellguard.adminaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeDescriptionTest {

    @Test
    void anUpdateShowsBothSidesAndNamesWhatChanged() {
        ChangeDescription d = ChangeDescription.of(
                ChangeFields.of().put("host", "10.0.0.5").put("port", 22).put("labels", List.of("web")),
                ChangeFields.of().put("host", "10.0.0.6").put("port", 22).put("labels", List.of("web", "strict")));
        assertEquals("{\"host\":\"10.0.0.5\",\"port\":22,\"labels\":[\"web\"]}", d.before());
        assertEquals("{\"host\":\"10.0.0.6\",\"port\":22,\"labels\":[\"web\",\"strict\"]}", d.after());
        assertEquals(List.of("host", "labels"), d.changed());
    }

    @Test
    void aSecretIsWrittenAsChangedOrUnchangedAndItsFingerprintNowhere() {
        ChangeDescription changed = ChangeDescription.of(ChangeFields.of().secret("password", "pbkdf2$old-hash"),
                ChangeFields.of().secret("password", "pbkdf2$new-hash"));
        assertEquals("{\"password\":\"set\"}", changed.before());
        assertEquals("{\"password\":\"changed\"}", changed.after());
        assertEquals(List.of("password"), changed.changed());
        assertFalse((changed.before() + changed.after()).contains("hash"));

        ChangeDescription same = ChangeDescription.of(ChangeFields.of().secret("password", "h").put("enabled", true),
                ChangeFields.of().secret("password", "h").put("enabled", false));
        assertEquals("{\"password\":\"unchanged\",\"enabled\":false}", same.after());
        assertEquals(List.of("enabled"), same.changed());
    }

    @Test
    void aCreationHasNoBeforeAndADeletionNoAfter() {
        ChangeDescription created = ChangeDescription.of(null, ChangeFields.of().put("role", "ADMIN").secret("password", "h")
                .secret("credential", null));
        assertNull(created.before());
        assertEquals("{\"role\":\"ADMIN\",\"password\":\"set\"}", created.after());
        assertEquals(List.of("role", "password"), created.changed());

        ChangeDescription deleted = ChangeDescription.of(ChangeFields.of().put("members", List.of("alice")), null);
        assertEquals("{\"members\":[\"alice\"]}", deleted.before());
        assertNull(deleted.after());
    }

    @Test
    void aSecretThatAppearsIsChangedAndNullsAreKept() {
        ChangeDescription d = ChangeDescription.of(ChangeFields.of().secret("password", null).put("description", null),
                ChangeFields.of().secret("password", "h").put("description", "db"));
        assertEquals("{\"description\":null}", d.before());
        assertEquals("{\"password\":\"changed\",\"description\":\"db\"}", d.after());
    }
}
