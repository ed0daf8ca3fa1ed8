package com.shellguard.connector.adapter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LimitAuditTest {

    @Test
    void connectionsFromOneAddressShareOneAuditWindowWhateverTheirPorts() {
        assertEquals(LimitAudit.who(null, "203.0.113.7:50312"), LimitAudit.who(null, "203.0.113.7:50313"));
        assertEquals(LimitAudit.who(null, "0:0:0:0:0:0:0:1:40000"), LimitAudit.who(null, "0:0:0:0:0:0:0:1:40001"));
        assertNotEquals(LimitAudit.who(null, "203.0.113.7:50312"), LimitAudit.who(null, "203.0.113.8:50312"));
    }

    @Test
    void aPersonsHitsShareOneWindowFromAnyAddress() {
        assertEquals("alice", LimitAudit.who("alice", "203.0.113.7:50312"));
        assertEquals(LimitAudit.who("alice", "203.0.113.7:1"), LimitAudit.who("alice", "198.51.100.1:2"));
    }
}
