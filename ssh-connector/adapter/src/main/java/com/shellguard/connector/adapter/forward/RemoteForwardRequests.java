package com.shellguard.connector.adapter.forward;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;

/**
 * A client's {@code tcpip-forward} and {@code cancel-tcpip-forward} global requests ({@code ssh -R}), answered by its
 * {@link ForwardingSession} once the target has answered: the reply is sent later, in the order the requests came.
 * The SSH reply to a refused request carries no text, so the client only warns that the forward failed; the reason
 * is in the forward audit.
 */
final class RemoteForwardRequests implements RequestHandler<ConnectionService> {

    private static final Logger LOG = Logger.getLogger(RemoteForwardRequests.class.getName());
    private static final String FORWARD = "tcpip-forward";
    private static final String CANCEL = "cancel-tcpip-forward";

    private final Forwarding forwarding;

    RemoteForwardRequests(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public Result process(ConnectionService connection, String request, boolean wantReply, Buffer buffer) {
        if (!FORWARD.equals(request) && !CANCEL.equals(request)) {
            return Result.Unsupported;
        }
        if (!(connection.getSession() instanceof ServerSession client)) {
            return Result.Unsupported;
        }
        String host = buffer.getString();
        int port = (int) buffer.getUInt();
        ForwardingSession forwards = forwarding.of(client);
        CompletableFuture<Integer> answer = FORWARD.equals(request) ? forwards.listen(host, port)
                : forwards.cancel(host, port).thenApply(v -> port);
        answer.whenComplete((bound, failure) -> {
            if (wantReply) {
                reply(client, failure == null, FORWARD.equals(request) && port == 0 ? bound : null);
            }
        });
        return Result.Replied;
    }

    private static void reply(Session client, boolean success, Integer boundPort) {
        try {
            Buffer reply = client.createBuffer(success ? SshConstants.SSH_MSG_REQUEST_SUCCESS : SshConstants.SSH_MSG_REQUEST_FAILURE);
            if (success && boundPort != null) {
                reply.putUInt(boundPort);
            }
            client.writePacket(reply);
        } catch (Exception e) {
            LOG.log(Level.FINE, "could not answer a remote forward request", e);
        }
    }
}
