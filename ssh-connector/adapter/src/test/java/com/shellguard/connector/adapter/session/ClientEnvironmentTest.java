package com.shellguard.connector.adapter.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientEnvironmentTest {

    private static final Map<String, String> REQUESTED = Map.of("LANG", "C.UTF-8", "LC_ALL", "C", "TERM", "xterm",
            "BASH_ENV", "/tmp/x", "LD_PRELOAD", "/tmp/y.so", "__SG_ROLE", "exec", "BASH_FUNC_builtin%%", "() { :; }",
            "EDITOR", "vi");

    @Test
    void onlyTheLocaleIsForwarded() {
        assertEquals(Set.of("LANG", "LC_ALL"), ClientEnvironment.forwarded(REQUESTED).keySet());
    }

    @Test
    void theHooksVariablesAreTamperAndOtherNamesAreDroppedSilently() {
        assertEquals(List.of("BASH_ENV", "BASH_FUNC_builtin%%", "LD_PRELOAD", "__SG_ROLE"),
                List.copyOf(ClientEnvironment.tampering(REQUESTED)));
    }
}
