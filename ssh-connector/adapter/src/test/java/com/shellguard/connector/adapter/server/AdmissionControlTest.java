package com.shellguard.connector.adapter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** What the per-source counts count: a client given an IPv6 /64 could otherwise open 50 connections from each of 2^64 addresses. */
class AdmissionControlTest {

    @Test
    void theAddressesOfOneIpv6SlashSixtyFourAreOneSourceAndIpv4AddressesEachTheirOwn() throws Exception {
        assertEquals(AdmissionControl.network(InetAddress.getByName("2001:db8:1:2::1")),
                AdmissionControl.network(InetAddress.getByName("2001:db8:1:2:abcd:ef01:2345:6789")));
        assertNotEquals(AdmissionControl.network(InetAddress.getByName("2001:db8:1:2::1")),
                AdmissionControl.network(InetAddress.getByName("2001:db8:1:3::1")));
        assertEquals(InetAddress.getByName("203.0.113.7"), AdmissionControl.network(InetAddress.getByName("203.0.113.7")));
        assertNotEquals(AdmissionControl.network(InetAddress.getByName("203.0.113.7")),
                AdmissionControl.network(InetAddress.getByName("203.0.113.8")));
    }
}
