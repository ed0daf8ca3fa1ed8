package com.shellguard.export;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

/**
 * Sends events to a webhook, one POST per event in order: the event's JSON as the body, signed
 * ({@link WebhookSignature}; a notice webhook without a secret goes unsigned), its id in
 * {@value WebhookSignature#EVENT_HEADER} (a notice's step name, see {@link NoticeWebhooks}). Any 2xx answer takes the event;
 * anything else, or no answer within 10 seconds, stops the batch there.
 */
final class WebhookSender {

    private final HttpClient http;

    WebhookSender(Outbox.Destination destination) throws GeneralSecurityException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (destination.url().tls()) {
            builder.sslContext(TlsTrust.context(destination.caPem()));
        } else {
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with plain-HTTP receivers
        }
        this.http = builder.build();
    }

    Delivery send(Outbox.Destination destination, List<Outbox.Pending> batch) {
        int sent = 0;
        for (Outbox.Pending event : batch) {
            byte[] body = event.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(destination.url().uri()).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "ShellGuard-audit-export")
                    .header(WebhookSignature.EVENT_HEADER, event.eventId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (destination.secret() != null) {
                request.header(WebhookSignature.HEADER, WebhookSignature.sign(destination.secret(), body));
            }
            try {
                HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    return new Delivery(sent, "HTTP " + response.statusCode() + " from " + destination.url().uri());
                }
            } catch (IOException e) {
                return Delivery.failed(sent, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.failed(sent, e);
            }
            sent++;
        }
        return Delivery.all(sent);
    }
}
