package com.shellguard.e2e;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HTTP receiver on a free loopback port, as a chat or ticket system behind a webhook is: it keeps every body
 * posted to it with its signature header, and answers 204.
 */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String body, String signature, String event) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** Whether the signature header is {@code sha256=} and the HMAC-SHA256 of the body with {@code secret}. */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
                return expected.equals(signature);
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        this(0);
    }

    /** A receiver on {@code port} (0: any free one), so a test can bring one back where a stopped one listened. */
    WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                deliveries.add(new Delivery(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("X-ShellGuard-Signature"),
                        exchange.getRequestHeaders().getFirst("X-ShellGuard-Event")));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Waits for a delivery that matches. */
    Delivery await(Predicate<Delivery> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (Delivery d : deliveries) {
                if (condition.test(d)) {
                    return d;
                }
            }
            Processes.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("the webhook never received " + what + "; it received " + deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
