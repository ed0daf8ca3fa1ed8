package com.shellguard.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends a batch of events to a syslog receiver over one new TCP (RFC 6587) or TLS (RFC 5425) connection, each
 * message framed by octet counting ({@code LENGTH SP MESSAGE}). Syslog has no acknowledgement, so the batch counts
 * as delivered only after the gateway closed its side and the receiver closed the connection in turn (it read
 * everything); a reset, a refused connection or a failed handshake fails the whole batch, which is sent again.
 */
final class SyslogSender {

    static final int TIMEOUT_MILLIS = 10_000;

    private SyslogSender() {
    }

    static Delivery send(Outbox.Destination destination, List<Outbox.Pending> batch) {
        try (Socket socket = connect(destination)) {
            OutputStream out = socket.getOutputStream();
            for (Outbox.Pending event : batch) {
                byte[] message = SyslogLine.format(event.payload(), destination.format()).getBytes(StandardCharsets.UTF_8);
                out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(message);
            }
            out.flush();
            awaitClose(socket);
            return Delivery.all(batch.size());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Delivery.failed(0, e);
        }
    }

    private static Socket connect(Outbox.Destination d) throws IOException, GeneralSecurityException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(d.url().host(), d.url().port()), TIMEOUT_MILLIS);
        plain.setSoTimeout(TIMEOUT_MILLIS);
        if (!d.url().tls()) {
            return plain;
        }
        SSLSocket tls = (SSLSocket) TlsTrust.context(d.caPem()).getSocketFactory()
                .createSocket(plain, d.url().host(), d.url().port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    /**
     * Closes the sending side and waits for the receiver to close: end of stream, or its TLS close. A reset means
     * it did not take what was sent; a receiver that keeps the connection open past the timeout is alive and has
     * the data in its socket, which counts as delivered.
     */
    private static void awaitClose(Socket socket) throws IOException {
        try {
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[512];
            while (in.read(sink) >= 0) {
                // a syslog receiver sends nothing; anything read is dropped
            }
        } catch (SocketTimeoutException e) {
            // still open: alive, and the data is in its socket
        } catch (SocketException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("reset") || m.contains("broken pipe")) {
                throw e;
            }
        } catch (javax.net.ssl.SSLException e) {
            // the receiver closed the TCP connection without its own close_notify: it read up to our close
        }
    }
}
