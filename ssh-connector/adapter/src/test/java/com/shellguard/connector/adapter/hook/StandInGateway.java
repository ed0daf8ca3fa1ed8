package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.CommandVerdict;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway's side of the hook port, as far as a hook can tell: every connection's messages are kept (split at
 * US, as HookConnection splits them), a P is answered with a policy naming the given programs, a Q with "runs";
 * both replies are the real gateway's own lines (HookWire).
 */
final class StandInGateway implements AutoCloseable {

    private final ServerSocket server;
    private final CommandPolicySnapshot policy;
    private final List<List<String>> messages = new CopyOnWriteArrayList<>();
    private final List<Thread> connections = new CopyOnWriteArrayList<>();

    StandInGateway(List<String> programNames) {
        policy = new CommandPolicySnapshot(1, false, false, programNames, List.of());
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every message so far, once the connections the hooks opened are closed (they close when their process ends). */
    List<List<String>> messages() throws InterruptedException {
        for (Thread t : connections) {
            t.join(10_000);
        }
        return new ArrayList<>(messages);
    }

    /**
     * The Q and R messages, once there are at least {@code count} of them (or 60 s have passed): a hook's connection that
     * the kernel took on its own may still wait to be accepted when the hook's process has ended, its message with it.
     */
    List<List<String>> commands(int count) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        List<List<String>> commands = commands();
        while (commands.size() < count && System.nanoTime() < end) {
            Thread.sleep(50);
            commands = commands();
        }
        return commands;
    }

    /** The Q and R messages so far. */
    List<List<String>> commands() throws InterruptedException {
        return messages().stream().filter(m -> m.get(0).equals("Q") || m.get(0).equals("R")).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(start(() -> serve(socket)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static Thread start(Runnable work) {
        Thread t = new Thread(work, "stand-in gateway");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            int b;
            int first = -1; // the message's type letter: a typed line (L) ends with RS, any other with a newline
            while ((b = in.read()) >= 0) {
                if (b != (first == 'L' ? HookWire.RS : '\n')) {
                    first = message.size() == 0 ? b : first;
                    message.write(b);
                    continue;
                }
                first = -1;
                List<String> fields = HookWire.fields(message.toString(StandardCharsets.UTF_8));
                message.reset();
                messages.add(fields);
                String reply = switch (fields.get(0)) {
                    case "P" -> HookWire.policyLine(policy);
                    case "Q" -> HookWire.verdictLine(fields.get(1), CommandVerdict.allowed(1));
                    default -> "";
                };
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // the hook's process ended
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
