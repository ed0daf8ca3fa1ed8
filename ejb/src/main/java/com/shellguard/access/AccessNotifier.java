package com.shellguard.access;

import com.shellguard.common.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;

/**
 * Tells the webhook of a step, when one is configured: {@code {"event":"access-request.STEP","time","request":{...}}}
 * (the request as {@code GET /access-requests/{id}} shows it, without its events); sent once the step committed.
 */
@ApplicationScoped
public class AccessNotifier {

    @Inject
    AccessRequests store;

    @Inject
    Event<AccessNotice> notices;

    public void notify(String step, AccessRequest request) {
        AccessSettings settings = store.settings();
        if (settings.getWebhookUrl() == null) {
            return;
        }
        String event = "access-request." + step;
        String body = Json.createObjectBuilder().add("event", event).add("time", Clock.now().toString())
                .add("request", AccessRequestJson.of(request)).build().toString();
        notices.fire(new AccessNotice(event, body, settings.getWebhookUrl(), settings.getWebhookSecret()));
    }
}
