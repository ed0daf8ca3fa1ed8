package com.shellguard.connector.adapter.forward;

import java.io.IOException;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * A TCP channel the gateway opens: {@code direct-tcpip} on the upstream connection (the target's sshd connects to
 * the destination, as the login, under its own {@code AllowTcpForwarding}), or {@code forwarded-tcpip} to the user's
 * client for a connection that arrived on a remote forward. Both carry the same fields, so one class opens both. The
 * peer's EOF ends the stream of its bytes at once, so a half-closed TCP connection is passed on as one.
 */
final class OutgoingTunnel extends ChannelDirectTcpip {

    static final String DIRECT = "direct-tcpip";
    static final String FORWARDED = "forwarded-tcpip";

    private final String type;

    /** @param address the destination (direct) or the forwarded address (forwarded), and the originator */
    OutgoingTunnel(String type, TunnelAddress address) {
        super(new SshdSocketAddress(address.originatorHost(), address.originatorPort()),
                new SshdSocketAddress(address.host(), address.port()));
        this.type = type;
        setStreaming(StreamingChannel.Streaming.Async);
    }

    @Override
    public String getChannelType() {
        return type;
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        if (asyncOut != null) {
            asyncOut.close(false);
        }
    }

    /** Tells the peer nothing more will be sent, once what was written has gone. */
    void endOutput() {
        getAsyncIn().close(false);
    }
}
