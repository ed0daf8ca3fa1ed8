package com.shellguard.connector.adapter.upstream;

import java.io.IOException;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.Session;

/**
 * The {@code forwarded-tcpip} channels a target opens to the gateway: a forwarding session's connection takes them as
 * its user's remote forwards ({@link UpstreamConnector#FORWARDED_TCPIP}), any other connection as its hooks'.
 */
final class ForwardedTcpipChannels implements ChannelFactory {

    private final ChannelFactory hooks;

    ForwardedTcpipChannels(ChannelFactory hooks) {
        this.hooks = hooks;
    }

    @Override
    public String getName() {
        return "forwarded-tcpip";
    }

    @Override
    public Channel createChannel(Session session) throws IOException {
        ChannelFactory forwards = session.getAttribute(UpstreamConnector.FORWARDED_TCPIP);
        return forwards != null ? forwards.createChannel(session) : hooks.createChannel(session);
    }
}
