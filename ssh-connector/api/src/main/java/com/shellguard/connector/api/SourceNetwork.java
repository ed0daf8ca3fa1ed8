package com.shellguard.connector.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One source of connections, as the limits per source count it: an IPv4 address, or the /64 of an IPv6 address, the
 * block one client is normally given and may take any of its 2^64 addresses from, a new one per connection or per
 * login attempt. The gateway's count of connections not logged in yet per source and the count of failed logins per
 * source both use it, so they agree on what one source is. A client given a larger IPv6 block, or many IPv4
 * addresses, is still as many sources as it has /64s or addresses.
 */
public final class SourceNetwork {

    private static final int IPV6_BYTES = 16;
    private static final int IPV6_PREFIX_BYTES = 8;
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    /**
     * A dotted IPv4 quad or text with a colon: what {@link InetAddress#getByName} parses, or refuses, without a name
     * lookup (it would look up {@code 999.1.1.1}).
     */
    private static final Pattern LITERAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    private final InetAddress network;

    private SourceNetwork(InetAddress network) {
        this.network = network;
    }

    public static SourceNetwork of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == IPV6_BYTES) {
            Arrays.fill(bytes, IPV6_PREFIX_BYTES, IPV6_BYTES, (byte) 0);
        }
        try {
            return new SourceNetwork(InetAddress.getByAddress(bytes)); // without the host name or IPv6 zone it had
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes are always an address
        }
    }

    /**
     * The source of an address written as text, as the audit writes it ({@code 203.0.113.7}, {@code 2001:db8::1},
     * an IPv6 zone such as {@code %eth0} ignored); empty for anything else, a host name included, which is never
     * looked up.
     */
    public static Optional<SourceNetwork> ofLiteral(String text) {
        String literal = text.replaceFirst("%.*", "");
        if (!LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(InetAddress.getByName(literal)));
        } catch (UnknownHostException e) {
            return Optional.empty(); // digits and colons that are no address, such as 1:2:3
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceNetwork source && network.equals(source.network);
    }

    @Override
    public int hashCode() {
        return network.hashCode();
    }

    /** {@code 203.0.113.7}, or {@code 2001:db8:1:2:0:0:0:0/64}: the form failed logins are counted under. */
    @Override
    public String toString() {
        return network.getAddress().length == IPV6_BYTES ? network.getHostAddress() + "/64" : network.getHostAddress();
    }
}
