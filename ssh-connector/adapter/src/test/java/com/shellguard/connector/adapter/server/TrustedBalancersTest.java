package com.shellguard.connector.adapter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TrustedBalancersTest {

    @Test
    void addressesAndCidrBlocksOfBothFamiliesAreTrustedAndNothingElse() throws Exception {
        TrustedBalancers balancers = TrustedBalancers.parse(" 10.0.0.5, 192.168.4.0/22 ,fd00::/8");
        assertTrue(balancers.trusts(InetAddress.getByName("10.0.0.5")));
        assertFalse(balancers.trusts(InetAddress.getByName("10.0.0.6")));
        assertTrue(balancers.trusts(InetAddress.getByName("192.168.7.200")));
        assertFalse(balancers.trusts(InetAddress.getByName("192.168.8.1")));
        assertTrue(balancers.trusts(InetAddress.getByName("fd12::1")));
        assertFalse(balancers.trusts(InetAddress.getByName("fe80::1")));
    }

    @Test
    void anEmptySettingTrustsNoBalancer() throws Exception {
        TrustedBalancers none = TrustedBalancers.parse("");
        assertFalse(none.any());
        assertFalse(none.trusts(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void aHostNameOrABadPrefixIsRefusedNamingTheEntry() {
        for (String bad : new String[] {"lb.example.org", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8/1", "fd00::/129"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedBalancers.parse("10.0.0.1," + bad));
            assertTrue(e.getMessage().contains("SHELLGUARD_PROXY_PROTOCOL_FROM") && e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertEquals(false, TrustedBalancers.parse(" , ").any());
    }
}
