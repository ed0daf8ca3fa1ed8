package com.shellguard.connector.adapter.hook;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.Session;

/**
 * Lets the gateway's SSH client accept the {@code forwarded-tcpip} channels of its hooks' forwards. It
 * replaces MINA's default factory, which would connect each such channel to a local TCP port: the gateway
 * asks for no other remote forwards.
 */
public final class HookChannelFactory implements ChannelFactory {

    @Override
    public String getName() {
        return "forwarded-tcpip";
    }

    @Override
    public Channel createChannel(Session session) {
        return new HookChannel();
    }
}
