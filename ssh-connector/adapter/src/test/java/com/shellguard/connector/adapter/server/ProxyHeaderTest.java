package com.shellguard.connector.adapter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProxyHeaderTest {

    private static final byte[] SSH = "SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aVersion1HeaderNamesTheClientAndEndsAtItsCrlf() throws Exception {
        byte[] data = concat("PROXY TCP4 203.0.113.7 10.0.0.5 50312 2222\r\n".getBytes(StandardCharsets.US_ASCII), SSH);
        ProxyHeader header = ProxyHeader.parse(data, 0, data.length);
        assertEquals(new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 50312), header.client());
        assertEquals(data.length - SSH.length, header.length());
    }

    @Test
    void aVersion1Tcp6HeaderAndAnUnknownOneAreRead() throws Exception {
        byte[] six = "PROXY TCP6 2001:db8::7 2001:db8::5 40000 22\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 40000), ProxyHeader.parse(six, 0, six.length).client());
        byte[] unknown = "PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII);
        ProxyHeader header = ProxyHeader.parse(unknown, 0, unknown.length);
        assertNull(header.client(), "UNKNOWN names no client: the connection's own address stands");
        assertEquals(unknown.length, header.length());
    }

    @Test
    void aHeaderCutShortAsksForMoreBytesAtEveryLength() throws Exception {
        byte[] v1 = "PROXY TCP4 203.0.113.7 10.0.0.5 50312 2222\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] v2 = version2(0x21, 0x11, ipv4Block(), new byte[] {0x04, 0x00, 0x02, 'a', 'b'});
        for (byte[] full : new byte[][] {v1, v2}) {
            for (int n = 0; n < full.length; n++) {
                assertNull(ProxyHeader.parse(full, 0, n), "after " + n + " of " + full.length + " bytes");
            }
            assertEquals(full.length, ProxyHeader.parse(full, 0, full.length).length());
        }
    }

    @Test
    void aVersion2HeaderNamesTheClientAndSkipsItsExtensions() throws Exception {
        byte[] header = version2(0x21, 0x11, ipv4Block(), new byte[] {0x04, 0x00, 0x02, 'a', 'b'});
        byte[] data = concat(header, SSH);
        ProxyHeader parsed = ProxyHeader.parse(data, 0, data.length);
        assertEquals(new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 50312), parsed.client());
        assertEquals(header.length, parsed.length());
    }

    @Test
    void aVersion2Ipv6HeaderAndALocalOneAreRead() throws Exception {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.writeBytes(InetAddress.getByName("2001:db8::7").getAddress());
        block.writeBytes(InetAddress.getByName("2001:db8::5").getAddress());
        block.writeBytes(new byte[] {(byte) 0x9C, 0x40, 0x00, 0x16});
        byte[] six = version2(0x21, 0x21, block.toByteArray(), new byte[0]);
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 40000), ProxyHeader.parse(six, 0, six.length).client());
        byte[] local = version2(0x20, 0x00, new byte[0], new byte[0]);
        ProxyHeader check = ProxyHeader.parse(local, 0, local.length);
        assertNull(check.client(), "LOCAL is the balancer's own health check");
        assertEquals(16, check.length());
    }

    @Test
    void bytesThatAreNoHeaderAreRefusedWithTheReason() {
        assertRefused(SSH, "neither \"PROXY \" nor the version 2 signature");
        assertRefused("PROXY TCP4 203.0.113.7 10.0.0.5 50312\r\n".getBytes(StandardCharsets.US_ASCII), "is not PROXY TCP4|TCP6");
        assertRefused("PROXY TCP4 example.org 10.0.0.5 50312 22\r\n".getBytes(StandardCharsets.US_ASCII), "not an IPv4 address");
        assertRefused("PROXY TCP4 203.0.113.7 10.0.0.5 70000 22\r\n".getBytes(StandardCharsets.US_ASCII), "not a port");
        assertRefused(("PROXY TCP4 " + "1".repeat(120)).getBytes(StandardCharsets.US_ASCII), "no CRLF within the first 107 bytes");
        assertRefused(version2(0x11, 0x11, ipv4Block(), new byte[0]), "version 1, not 2");
        assertRefused(version2(0x22, 0x11, ipv4Block(), new byte[0]), "command 2");
        assertRefused(version2(0x21, 0x11, new byte[4], new byte[0]), "less than the 12 its family needs");
    }

    private static void assertRefused(byte[] data, String why) {
        ProxyHeader.Malformed e = assertThrows(ProxyHeader.Malformed.class, () -> ProxyHeader.parse(data, 0, data.length));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static byte[] ipv4Block() {
        return new byte[] {(byte) 203, 0, 113, 7, 10, 0, 0, 5, (byte) 0xC4, (byte) 0x88, 0x08, (byte) 0xAE};
    }

    private static byte[] version2(int versionCommand, int family, byte[] addresses, byte[] extensions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        int length = addresses.length + extensions.length;
        out.writeBytes(new byte[] {(byte) versionCommand, (byte) family, (byte) (length >> 8), (byte) length});
        out.writeBytes(addresses);
        out.writeBytes(extensions);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
