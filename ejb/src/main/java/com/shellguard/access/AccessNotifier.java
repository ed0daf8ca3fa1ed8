package com.shellguard.access;

import com.shellguard.common.Clock;
import com.shellguard.export.ExportPurpose;
import com.shellguard.export.NoticeWebhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.UUID;

/**
 * Tells the webhook of a step, when one is configured:
 * {@code {"id","event":"access-request.STEP","time","request":{...}}} (the request as {@code GET /access-requests/{id}}
 * shows it, without its events). The notice is queued in the step's transaction in the audit export's outbox
 * ({@link NoticeWebhooks}), so it is sent once the step committed, and retried until the receiver takes it.
 */
@ApplicationScoped
public class AccessNotifier {

    @Inject
    AccessRequestSettings settings;

    @Inject
    NoticeWebhooks webhooks;

    public void notify(String step, AccessRequest request) {
        settings.moveLegacyWebhook();
        String event = "access-request." + step;
        String body = Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("event", event)
                .add("time", Clock.now().toString()).add("request", AccessRequestJson.of(request)).build().toString();
        webhooks.queue(ExportPurpose.ACCESS_REQUESTS, event, body);
    }
}
