package com.shellguard.connector.adapter.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.junit.jupiter.api.Test;

/** The set-up line of a connection's first channel carries the connection's own handshake; a later channel's does not. */
class SetupTimesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void theFirstChannelOfAConnectionCountsFromItsAcceptALaterOneFromItsRequest() throws Exception {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256)));
        server.setPasswordAuthenticator((user, password, session) -> true);
        server.addSessionListener(new ConnectionSteps());
        server.setCommandFactory((channel, command) -> new LineCommand(channel.getSession(), lines));
        server.start();
        SshClient client = SshClient.setUpDefaultClient();
        client.start();
        try (ClientSession session = client.connect("alice", "127.0.0.1", server.getPort()).verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity("secret");
            session.auth().verify(TIMEOUT);
            List<String> seen = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 2; i++) {
                try (ChannelExec channel = session.createExecChannel("true")) {
                    channel.open().verify(TIMEOUT);
                    seen.add(lines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
                }
            }
            assertTrue(seen.get(0).matches("session s set-up ms: kex=\\d+ auth=\\d+ request=\\d+ total=\\d+"), seen.get(0));
            assertTrue(seen.get(1).matches("session s set-up ms: total=\\d+"), seen.get(1));
            assertEquals(2, seen.size());
        } finally {
            client.stop();
            server.stop(true);
        }
    }

    /** Reports the set-up line of its channel as it starts, then exits. */
    private static final class LineCommand implements Command {

        private final Session connection;
        private final LinkedBlockingQueue<String> lines;
        private ExitCallback exit;

        LineCommand(Session connection, LinkedBlockingQueue<String> lines) {
            this.connection = connection;
            this.lines = lines;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            lines.add(SetupTimes.forChannelOf(connection).line("s"));
            exit.onExit(0);
        }

        @Override
        public void destroy(ChannelSession channel) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            exit = callback;
        }

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }
    }
}
