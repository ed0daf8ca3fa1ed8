package com.shellguard.connector.adapter.forward;

import com.shellguard.connector.adapter.session.SessionServices;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.server.session.ServerSession;

/** Port forwarding by policy, as the SSH listener plugs it in: the channel type and the global requests it answers. */
public final class Forwarding {

    private final SessionServices services;

    public Forwarding(SessionServices services) {
        this.services = services;
    }

    /** Answers {@code direct-tcpip} channels ({@code ssh -L}, {@code -D}, {@code -J}). */
    public ChannelFactory directTcpip() {
        return new DirectTcpipChannels(this);
    }

    /** Answers {@code tcpip-forward} and {@code cancel-tcpip-forward} ({@code ssh -R}). */
    public RequestHandler<ConnectionService> remoteForwardRequests() {
        return new RemoteForwardRequests(this);
    }

    ForwardingSession of(ServerSession client) {
        return ForwardingSession.of(client, services);
    }
}
