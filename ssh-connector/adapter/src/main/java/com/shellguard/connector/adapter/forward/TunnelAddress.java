package com.shellguard.connector.adapter.forward;

import org.apache.sshd.common.util.buffer.Buffer;

/**
 * What opens a TCP channel: where it goes ({@code direct-tcpip}) or which forwarded address it came in on
 * ({@code forwarded-tcpip}), and who connected. Both channel types carry the same four fields (RFC 4254, 7.1, 7.2).
 */
record TunnelAddress(String host, int port, String originatorHost, int originatorPort) {

    static TunnelAddress read(Buffer buffer) {
        String host = buffer.getString();
        int port = (int) buffer.getUInt();
        String originator = buffer.getString();
        int originatorPort = (int) buffer.getUInt();
        return new TunnelAddress(host, port, originator, originatorPort);
    }

    String destination() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    String originator() {
        return originatorHost + ":" + originatorPort;
    }
}
