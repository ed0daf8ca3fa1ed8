package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.recording.SessionRecorder;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.Signal;

/**
 * Passes the user's signals and window changes on to the target's channel. A window change also goes into the
 * recording, so a player redraws at the new size. MINA's client has no call for the SSH "signal" channel
 * request (RFC 4254, section 6.9), so it is written as a raw packet. It asks for no reply: a target whose sshd
 * does not deliver signals drops it, and the user is not told.
 */
final class SignalForwarding {

    private static final Logger LOG = Logger.getLogger(SignalForwarding.class.getName());

    private SignalForwarding() {
    }

    /** From now on, for the rest of the user's channel. */
    static void start(UserChannel user, ClientChannel target, Supplier<Optional<SessionRecorder>> recording) {
        if (target instanceof PtyCapableChannelSession terminal) {
            user.environment().addSignalListener((channel, signal) -> resize(user, terminal, recording), Signal.WINCH);
        }
        user.environment().addSignalListener((channel, signal) -> signal(target, signal),
                Signal.SIGNALS.stream().filter(s -> s != Signal.WINCH).toList());
    }

    private static void resize(UserChannel user, PtyCapableChannelSession terminal,
                               Supplier<Optional<SessionRecorder>> recording) {
        try {
            int columns = user.columns();
            int rows = user.rows();
            recording.get().ifPresent(r -> r.resize(columns, rows));
            terminal.sendWindowChange(columns, rows);
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.FINE, "window change not forwarded", e);
        }
    }

    private static void signal(ClientChannel target, Signal signal) {
        try {
            Buffer buffer = target.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 64);
            buffer.putUInt(target.getRecipient());
            buffer.putString("signal");
            buffer.putBoolean(false);
            buffer.putString(signal.name());
            target.getSession().writePacket(buffer);
        } catch (IOException e) {
            LOG.log(Level.FINE, "signal not forwarded", e);
        }
    }
}
