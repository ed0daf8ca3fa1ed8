package com.shellguard.connector.adapter.server;

import com.shellguard.connector.adapter.session.PeerAddress;
import java.io.IOException;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.session.AbstractServerSession;
import org.apache.sshd.server.session.ServerConnectionService;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;

/**
 * The connection service with a cap on the channels one connection holds open (sessions, forwarded ports, SFTP):
 * a channel over it is refused with "resource shortage" and a message the client prints, and audited. MINA's own
 * {@code MAX_CONCURRENT_CHANNELS} fails the whole connection instead, so it stays at its default above this cap.
 */
final class ChannelCap extends ServerConnectionServiceFactory {

    private final ConnectionLimits limits;
    private final LimitAudit audit;

    ChannelCap(ConnectionLimits limits, LimitAudit audit) {
        this.limits = limits;
        this.audit = audit;
    }

    @Override
    public org.apache.sshd.common.Service create(Session session) throws IOException {
        if (!(session instanceof AbstractServerSession server)) {
            throw new SshException("not a server session: " + session);
        }
        CappedConnectionService service = new CappedConnectionService(server);
        service.addPortForwardingEventListenerManager(this);
        return service;
    }

    private final class CappedConnectionService extends ServerConnectionService {

        CappedConnectionService(AbstractServerSession session) throws SshException {
            super(session);
        }

        @Override
        protected void channelOpen(Buffer buffer) throws Exception {
            int limit = limits.maxChannelsPerConnection();
            if (limit > 0 && getChannels().size() >= limit) {
                Buffer peek = new ByteArrayBuffer(buffer.array(), buffer.rpos(), buffer.available());
                String type = peek.getString();
                long sender = peek.getUInt();
                String why = "this connection has " + limit + " channels open, the limit (SHELLGUARD_MAX_CHANNELS);"
                        + " a " + type + " channel is refused";
                audit.hit("LIMIT_CHANNELS", AuthenticationTrail.of(getSession()).user(), PeerAddress.of(getSession()), why);
                sendChannelOpenFailure(buffer, sender, SshConstants.SSH_OPEN_RESOURCE_SHORTAGE, "shellguard: " + why, "");
                return;
            }
            super.channelOpen(buffer);
        }
    }
}
