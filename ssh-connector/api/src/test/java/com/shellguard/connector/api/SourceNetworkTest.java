package com.shellguard.connector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A client given an IPv6 /64 could otherwise open 50 connections, or try 20 passwords, from each of 2^64 addresses. */
class SourceNetworkTest {

    private static SourceNetwork of(String literal) throws Exception {
        return SourceNetwork.of(InetAddress.getByName(literal));
    }

    @Test
    void theAddressesOfOneIpv6SlashSixtyFourAreOneSource() throws Exception {
        assertEquals(of("2001:db8:1:2::1"), of("2001:db8:1:2:abcd:ef01:2345:6789"));
        assertEquals(of("2001:db8:1:2::1").hashCode(), of("2001:db8:1:2:abcd:ef01:2345:6789").hashCode());
        assertNotEquals(of("2001:db8:1:2::1"), of("2001:db8:1:3::1"));
    }

    @Test
    void everyIpv4AddressIsASourceOfItsOwn() throws Exception {
        assertEquals(of("203.0.113.7"), of("203.0.113.7"));
        assertNotEquals(of("203.0.113.7"), of("203.0.113.8"));
    }

    @Test
    void aSourceIsWrittenAsItsIpv4AddressOrItsIpv6SlashSixtyFour() throws Exception {
        assertEquals("203.0.113.7", of("203.0.113.7").toString());
        assertEquals("2001:db8:1:2:0:0:0:0/64", of("2001:db8:1:2:abcd::1").toString());
    }

    @Test
    void anAddressWrittenAsTextIsTheSourceOfThatAddressWhateverItsZone() throws Exception {
        assertEquals(Optional.of(of("203.0.113.7")), SourceNetwork.ofLiteral("203.0.113.7"));
        assertEquals(Optional.of(of("2001:db8:1:2::1")), SourceNetwork.ofLiteral("2001:db8:1:2:0:0:0:99"));
        assertEquals(Optional.of(of("fe80::1")), SourceNetwork.ofLiteral("fe80:0:0:0:0:0:0:1%eth0"));
    }

    @Test
    void textThatIsNoAddressIsNoSourceAndNoNameIsLookedUp() {
        for (String text : new String[] {"gateway.example.com", "localhost", "999.1.1.1", "1:2:3", "", "unknown"}) {
            assertEquals(Optional.empty(), SourceNetwork.ofLiteral(text), text);
        }
    }
}
