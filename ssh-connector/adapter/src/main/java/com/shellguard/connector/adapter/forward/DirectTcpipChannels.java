package com.shellguard.connector.adapter.forward;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.session.ServerSession;

/**
 * The gateway's answer to a client's {@code direct-tcpip} channel ({@code ssh -L}, {@code -D}, {@code -J}): instead of
 * MINA's, which would connect from the gateway itself, a channel the client connection's {@link ForwardingSession}
 * decides and relays through the target.
 */
final class DirectTcpipChannels implements ChannelFactory {

    private final Forwarding forwarding;

    DirectTcpipChannels(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public String getName() {
        return "direct-tcpip";
    }

    @Override
    public Channel createChannel(Session session) {
        ForwardingSession forwards = forwarding.of((ServerSession) session);
        return new TunnelChannel(forwards::acceptFromClient);
    }
}
