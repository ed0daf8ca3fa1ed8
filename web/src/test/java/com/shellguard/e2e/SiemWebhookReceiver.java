package com.shellguard.e2e;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SIEM's webhook endpoint, as its owner would write one with the JDK's HTTP server: it checks each request's
 * {@code X-ShellGuard-Signature} (HMAC-SHA256 of the body under the shared secret, computed here independently of
 * the gateway's code), answers 401 to a bad one, and keeps the events it accepted.
 */
final class SiemWebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private volatile String secret;

    private SiemWebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-ShellGuard-Signature");
            int status;
            if (secret != null && ("sha256=" + hmac(secret, body)).equals(signature)) {
                JsonObject event = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
                if (!event.getString("id").equals(exchange.getRequestHeaders().getFirst("X-ShellGuard-Event"))) {
                    rejected.add("event header does not name the body's event: " + event);
                    status = 400;
                } else {
                    accepted.add(event);
                    status = 204;
                }
            } else {
                rejected.add(signature + " " + new String(body, StandardCharsets.UTF_8));
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static SiemWebhookReceiver on(int port) {
        try {
            return new SiemWebhookReceiver(port);
        } catch (IOException e) {
            throw new AssertionError("cannot listen on " + port, e);
        }
    }

    void trust(String sharedSecret) {
        this.secret = sharedSecret;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<JsonObject> accepted() {
        return List.copyOf(accepted);
    }

    List<String> rejected() {
        return List.copyOf(rejected);
    }

    private static String hmac(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
