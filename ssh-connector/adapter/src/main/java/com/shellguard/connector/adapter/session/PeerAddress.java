package com.shellguard.connector.adapter.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.apache.sshd.common.session.Session;

/** The client's address as the audit records it: {@code 203.0.113.7:50312}. */
public final class PeerAddress {

    private PeerAddress() {
    }

    public static String of(Session session) {
        SocketAddress address = session.getIoSession().getRemoteAddress();
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
