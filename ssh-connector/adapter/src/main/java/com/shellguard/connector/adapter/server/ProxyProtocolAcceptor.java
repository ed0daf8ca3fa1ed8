package com.shellguard.connector.adapter.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.logging.Logger;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.AbstractServerSession;
import org.apache.sshd.server.session.ServerProxyAcceptor;
import org.apache.sshd.server.session.ServerSession;

/**
 * Reads the PROXY protocol header ({@link ProxyHeader}) that a {@linkplain TrustedBalancers trusted balancer} sends
 * before the client's SSH identification, and makes the client it names the session's address: in the audit, the
 * per-address limits and the login lockouts. MINA asks it with everything received until the identification is read,
 * from the connection's first byte each time: a header that came before the whole identification line (a balancer
 * sends it as soon as it connects, before the client's first byte) is read once and skipped at every later call, or
 * its bytes would be taken for lines before the identification (a version 2 header's NUL ends the connection).
 */
final class ProxyProtocolAcceptor implements ServerProxyAcceptor {

    private static final Logger LOG = Logger.getLogger(ProxyProtocolAcceptor.class.getName());
    /** The length of the header read, 0 for a connection that sends none. */
    private static final AttributeKey<Integer> READ = new AttributeKey<>();

    private final TrustedBalancers balancers;
    private final AdmissionControl admission;

    ProxyProtocolAcceptor(TrustedBalancers balancers, AdmissionControl admission) {
        this.balancers = balancers;
        this.admission = admission;
    }

    @Override
    public boolean acceptServerProxyMetadata(ServerSession session, Buffer buffer) throws Exception {
        Integer read = session.getAttribute(READ);
        if (read != null) {
            buffer.rpos(buffer.rpos() + read);
            return true;
        }
        SocketAddress peer = session.getIoSession().getRemoteAddress();
        if (!(peer instanceof InetSocketAddress balancer) || !balancers.trusts(balancer.getAddress())) {
            session.setAttribute(READ, 0);
            return true;
        }
        ProxyHeader header;
        try {
            header = ProxyHeader.parse(buffer.array(), buffer.rpos(), buffer.available());
        } catch (ProxyHeader.Malformed e) {
            LOG.warning(() -> "a connection from " + balancer.getAddress().getHostAddress() + ", a balancer in "
                    + TrustedBalancers.VARIABLE + ", is closed: " + e.getMessage());
            throw e;
        }
        if (header == null) {
            return false;
        }
        buffer.rpos(buffer.rpos() + header.length());
        session.setAttribute(READ, header.length());
        if (header.client() != null && session instanceof AbstractServerSession server) {
            server.setClientAddress(header.client());
        }
        admission.clientBehindBalancer(session, (header.client() != null ? header.client() : balancer).getAddress());
        return true;
    }
}
