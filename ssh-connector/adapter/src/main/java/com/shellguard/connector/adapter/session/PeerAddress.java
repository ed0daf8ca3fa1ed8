package com.shellguard.connector.adapter.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.session.ServerSession;

/**
 * The client's address as the audit records it: {@code 203.0.113.7:50312}; behind a trusted balancer, the client its
 * PROXY protocol header named.
 */
public final class PeerAddress {

    private PeerAddress() {
    }

    public static String of(Session session) {
        SocketAddress address = session instanceof ServerSession server ? server.getClientAddress()
                : session.getIoSession().getRemoteAddress();
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
