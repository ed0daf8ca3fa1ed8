package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.recording.SessionRecorder;
import java.io.IOException;
import java.nio.channels.WritePendingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * The user's end of a session, as MINA handed it over: the channel's streams, its terminal and variables,
 * and the way to end it with an exit status.
 */
final class UserChannel {

    private static final Logger LOG = Logger.getLogger(UserChannel.class.getName());

    private final ChannelSession channel;
    private final Environment environment;
    private final IoInputStream in;
    private final IoOutputStream out;
    private final IoOutputStream err;
    private final ExitCallback exit;

    UserChannel(ChannelSession channel, Environment environment, IoInputStream in, IoOutputStream out,
                IoOutputStream err, ExitCallback exit) {
        this.channel = channel;
        this.environment = environment;
        this.in = in;
        this.out = out;
        this.err = err;
        this.exit = exit;
    }

    String sshUserName() {
        return channel.getSession().getUsername();
    }

    String peerAddress() {
        return PeerAddress.of(channel.getSession());
    }

    /** MINA's timer for this connection: short tasks only. */
    java.util.concurrent.ScheduledExecutorService scheduler() {
        return channel.getSession().getFactoryManager().getScheduledExecutorService();
    }

    IoInputStream in() {
        return in;
    }

    IoOutputStream out() {
        return out;
    }

    IoOutputStream err() {
        return err;
    }

    Environment environment() {
        return environment;
    }

    boolean hasTerminal() {
        return !environment.getPtyModes().isEmpty() || environment.getEnv().containsKey(Environment.ENV_TERM);
    }

    String terminalType() {
        return environment.getEnv().getOrDefault(Environment.ENV_TERM, "xterm");
    }

    int columns() {
        return Integer.parseInt(environment.getEnv().getOrDefault(Environment.ENV_COLUMNS, "80"));
    }

    int rows() {
        return Integer.parseInt(environment.getEnv().getOrDefault(Environment.ENV_LINES, "24"));
    }

    PtyChannelConfiguration terminalConfiguration() {
        PtyChannelConfiguration pty = new PtyChannelConfiguration();
        pty.setPtyType(terminalType());
        pty.setPtyColumns(columns());
        pty.setPtyLines(rows());
        pty.setPtyModes(environment.getPtyModes());
        return pty;
    }

    /** The variables the client asked to set that go upstream: the locale only ({@link ClientEnvironment}). */
    Map<String, String> forwardedEnvironment() {
        return ClientEnvironment.forwarded(environment.getEnv());
    }

    /** The variables the client asked to set that would switch command control off. */
    java.util.SortedSet<String> tamperingEnvironment() {
        return ClientEnvironment.tampering(environment.getEnv());
    }

    /**
     * Shows the user one line, on the terminal if there is one, else on standard error, and writes it into the
     * recording too. While the relay still runs its own write may be in flight on the same stream (the stream
     * takes one write at a time), so a policy ending the session waits a moment for its turn.
     */
    void showLine(String message, SessionRecorder recording, Duration timeout) {
        boolean terminal = hasTerminal();
        String line = "shellguard: " + message + (terminal ? "\r\n" : "\n");
        IoOutputStream stream = terminal ? out : err;
        if (recording != null) {
            recording.gatewayOutput(line);
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                stream.writeBuffer(new ByteArrayBuffer(line.getBytes(StandardCharsets.UTF_8))).verify(timeout);
                return;
            } catch (WritePendingException busy) {
                sleepBriefly();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not show the user: " + message, e);
                return;
            }
        }
    }

    void exit(int status, String message) {
        exit.onExit(status, message == null ? "" : message);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
