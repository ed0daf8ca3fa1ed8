package com.shellguard.connector.adapter.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header a TCP load balancer sends before the client's first byte when it speaks the PROXY protocol (HAProxy's
 * specification, versions 1 and 2): the address of the client the balancer accepted. {@link #parse} reads it from the
 * start of what a connection has received so far.
 *
 * <p>Only what a balancer in front of an SSH listener sends is taken: version 1 {@code TCP4}, {@code TCP6} and
 * {@code UNKNOWN}; version 2 {@code PROXY} over IPv4 or IPv6 TCP and {@code LOCAL} (the balancer's own health check),
 * its TLV extensions skipped. {@link #client} is null where the header names no client ({@code LOCAL},
 * {@code UNKNOWN}, a version 2 family other than TCP): the connection's own address stands.
 */
record ProxyHeader(InetSocketAddress client, int length) {

    /** Version 1's longest line, "PROXY TCP6" with two full IPv6 addresses and ports, CRLF included (specification 2.1). */
    static final int V1_MAX = 107;
    private static final byte[] V1_START = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    /** Thrown for bytes that cannot be a header: the connection is not one the balancer made, or a broken one. */
    static final class Malformed extends java.io.IOException {
        Malformed(String why) {
            super("not a PROXY protocol header: " + why);
        }
    }

    /** The header at {@code data[offset..offset+available)}, or null while more bytes are needed to tell. */
    static ProxyHeader parse(byte[] data, int offset, int available) throws Malformed {
        if (startsWith(data, offset, available, V2_SIGNATURE)) {
            return available < V2_SIGNATURE.length ? null : version2(data, offset, available);
        }
        if (startsWith(data, offset, available, V1_START)) {
            return available < V1_START.length ? null : version1(data, offset, available);
        }
        throw new Malformed("the connection starts with neither \"PROXY \" nor the version 2 signature");
    }

    /** Whether the first bytes agree with {@code prefix} as far as both go. */
    private static boolean startsWith(byte[] data, int offset, int available, byte[] prefix) {
        int n = Math.min(available, prefix.length);
        return Arrays.equals(data, offset, offset + n, prefix, 0, n);
    }

    private static ProxyHeader version1(byte[] data, int offset, int available) throws Malformed {
        int end = -1;
        for (int i = 0; i + 1 < Math.min(available, V1_MAX); i++) {
            if (data[offset + i] == '\r' && data[offset + i + 1] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            if (available >= V1_MAX) {
                throw new Malformed("no CRLF within the first " + V1_MAX + " bytes");
            }
            return null;
        }
        String line = new String(data, offset, end, StandardCharsets.US_ASCII);
        String[] words = line.split(" ", -1);
        int length = end + 2;
        if (words.length >= 2 && words[1].equals("UNKNOWN")) {
            return new ProxyHeader(null, length);
        }
        if (words.length != 6 || !(words[1].equals("TCP4") || words[1].equals("TCP6"))) {
            throw new Malformed("\"" + line + "\" is not PROXY TCP4|TCP6 source destination sport dport");
        }
        InetAddress source = literal(words[2], words[1].equals("TCP4") ? 4 : 16);
        literal(words[3], words[1].equals("TCP4") ? 4 : 16);
        return new ProxyHeader(new InetSocketAddress(source, port(words[4])), length);
    }

    private static ProxyHeader version2(byte[] data, int offset, int available) throws Malformed {
        if (available < 16) {
            return null;
        }
        int versionCommand = data[offset + 12] & 0xFF;
        int family = data[offset + 13] & 0xFF;
        int addressLength = ((data[offset + 14] & 0xFF) << 8) | (data[offset + 15] & 0xFF);
        if (versionCommand >> 4 != 2) {
            throw new Malformed("version " + (versionCommand >> 4) + ", not 2");
        }
        int length = 16 + addressLength;
        if (available < length) {
            return null;
        }
        int command = versionCommand & 0x0F;
        if (command == 0) { // LOCAL: the balancer's own connection, a health check
            return new ProxyHeader(null, length);
        }
        if (command != 1) {
            throw new Malformed("command " + command + ", neither LOCAL nor PROXY");
        }
        int at = offset + 16;
        return switch (family) {
            case 0x11 -> { // TCP over IPv4: source, destination, source port, destination port
                need(addressLength, 12);
                yield new ProxyHeader(new InetSocketAddress(address(data, at, 4), port(data, at + 8)), length);
            }
            case 0x21 -> { // TCP over IPv6
                need(addressLength, 36);
                yield new ProxyHeader(new InetSocketAddress(address(data, at, 16), port(data, at + 32)), length);
            }
            default -> new ProxyHeader(null, length); // UNSPEC, UDP or UNIX: no TCP client to name
        };
    }

    private static void need(int addressLength, int needed) throws Malformed {
        if (addressLength < needed) {
            throw new Malformed("an address block of " + addressLength + " bytes, less than the " + needed + " its family needs");
        }
    }

    private static InetAddress address(byte[] data, int at, int size) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(data, at, at + size));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // a 4- or 16-byte array is always an address
        }
    }

    private static int port(byte[] data, int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    private static InetAddress literal(String text, int size) throws Malformed {
        boolean plausible = size == 4 ? text.matches("\\d{1,3}(\\.\\d{1,3}){3}") : text.matches("[0-9A-Fa-f:.]+") && text.contains(":");
        if (plausible) {
            try {
                InetAddress address = InetAddress.getByName(text); // a literal: no name lookup
                if (address.getAddress().length == size) {
                    return address;
                }
            } catch (UnknownHostException e) {
                // falls through to the error below
            }
        }
        throw new Malformed("\"" + text + "\" is not an IPv" + (size == 4 ? 4 : 6) + " address");
    }

    private static int port(String text) throws Malformed {
        if (text.matches("\\d{1,5}") && Integer.parseInt(text) <= 65535) {
            return Integer.parseInt(text);
        }
        throw new Malformed("\"" + text + "\" is not a port");
    }
}
