package com.shellguard.connector.adapter.server;

import com.shellguard.connector.adapter.runtime.GatewaySettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The load balancers whose connections begin with a PROXY protocol header ({@code SHELLGUARD_PROXY_PROTOCOL_FROM}:
 * addresses and CIDR blocks, comma-separated; empty, the default: none). A connection from one of them must send the
 * header, and the client it names is the connection's address for the audit, the per-address limits and lockouts; a
 * connection from anywhere else is taken as the client itself, and a header it sends is refused as a broken SSH
 * identification (a client cannot claim another address).
 */
final class TrustedBalancers {

    private record Block(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final String VARIABLE = "SHELLGUARD_PROXY_PROTOCOL_FROM";

    private final List<Block> blocks;

    private TrustedBalancers(List<Block> blocks) {
        this.blocks = blocks;
    }

    static TrustedBalancers fromEnvironment() {
        return parse(GatewaySettings.value("shellguard.proxy.protocol.from", VARIABLE, ""));
    }

    /** @throws IllegalArgumentException naming the entry that is not an address or a CIDR block */
    static TrustedBalancers parse(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : text.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            String[] parts = e.split("/", -1);
            byte[] network = literal(parts[0], e);
            int prefix = network.length * 8;
            if (parts.length == 2 && parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= prefix) {
                prefix = Integer.parseInt(parts[1]);
            } else if (parts.length != 1) {
                throw invalid(e);
            }
            blocks.add(new Block(network, prefix));
        }
        return new TrustedBalancers(List.copyOf(blocks));
    }

    private static byte[] literal(String text, String entry) {
        if (!(text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (text.contains(":") && text.matches("[0-9A-Fa-f:.]+")))) {
            throw invalid(entry);
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw invalid(entry);
        }
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException(VARIABLE + " takes IP addresses and CIDR blocks (10.0.0.5, 10.0.0.0/24,"
                + " fd00::/8), comma-separated; '" + entry + "' is neither");
    }

    boolean any() {
        return !blocks.isEmpty();
    }

    boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(b -> b.contains(address));
    }
}
