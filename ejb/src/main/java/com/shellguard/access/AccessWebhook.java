package com.shellguard.access;

import com.shellguard.export.WebhookSignature;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Posts each access-request step to the configured webhook once its transaction committed: the JSON body, with
 * {@code X-ShellGuard-Event} and, when a secret is set, {@code X-ShellGuard-Signature: sha256=HEX} (HMAC-SHA256 of
 * the body with the secret, signed as the audit export signs: {@link WebhookSignature}). Best effort: {@value #ATTEMPTS} attempts, 1 and 5 seconds apart, each waiting at most
 * 5 seconds for a 2xx answer; a notice still undelivered then is logged and dropped (the audit keeps every step).
 */
@ApplicationScoped
public class AccessWebhook {

    private static final Logger LOG = Logger.getLogger(AccessWebhook.class.getName());
    static final int ATTEMPTS = 3;
    private static final long[] PAUSES_MILLIS = {1000, 5000};

    @Resource
    ManagedExecutorService executor;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessNotice notice) {
        try {
            executor.submit(() -> deliver(notice.url(), notice.secret(), notice));
        } catch (RejectedExecutionException e) {
            LOG.warning("ShellGuard: access-request webhook: cannot send the " + notice.event() + " notice: " + e);
        }
    }

    private void deliver(String url, String secret, AccessNotice notice) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header(WebhookSignature.EVENT_HEADER, notice.event())
                .POST(HttpRequest.BodyPublishers.ofString(notice.body(), StandardCharsets.UTF_8));
        if (secret != null) {
            request.header(WebhookSignature.HEADER, WebhookSignature.sign(secret, notice.body().getBytes(StandardCharsets.UTF_8)));
        }
        String failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                failure = "HTTP " + response.statusCode();
            } catch (java.io.IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt < PAUSES_MILLIS.length) {
                try {
                    Thread.sleep(PAUSES_MILLIS[attempt]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warning("ShellGuard: access-request webhook " + url + " did not take the " + notice.event() + " notice after "
                + ATTEMPTS + " attempts (" + failure + "); dropped");
    }
}
