package com.shellguard.access;

import com.shellguard.adminaudit.AdminActor;
import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.ValidationException;
import com.shellguard.export.ExportPurpose;
import com.shellguard.export.ExportStatus;
import com.shellguard.export.NoticeWebhooks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The webhook (URL and signing secret, kept as a notice destination of the audit export's outbox), the longest access
 * a request may ask for, and how many requests a person may have pending. Every change is in the admin audit, the
 * secret as a fingerprint only.
 */
@Stateless
public class AccessRequestSettings {

    static final int MAX_SECRET = 500;
    private static final Logger LOG = Logger.getLogger(AccessRequestSettings.class.getName());

    @Inject
    AccessRequests store;

    @Inject
    NoticeWebhooks webhooks;

    @Inject
    AdminChangeRecorder changes;

    @Inject
    AdminActor actor;

    /** The settings as an admin reads them; {@code delivery} is null without a webhook. */
    public record View(String webhookUrl, boolean webhookSecretSet, int maxMinutes, int maxPending, ExportStatus delivery) {
    }

    public View get() {
        moveLegacyWebhook();
        return view(store.settings(), webhooks.get(ExportPurpose.ACCESS_REQUESTS));
    }

    /**
     * Changes what is given: {@code url} (blank removes the webhook, and its secret), {@code secret} (blank: unsigned),
     * {@code maxMinutes}, {@code maxPending}; a null argument keeps the current value.
     */
    public View set(String url, String secret, Integer maxMinutes, Integer maxPending) {
        moveLegacyWebhook();
        AccessSettings row = store.storedSettings();
        Optional<NoticeWebhooks.Webhook> hook = webhooks.get(ExportPurpose.ACCESS_REQUESTS);
        ChangeFields before = fields(row, hook);
        int max = maxMinutes == null ? row.getMaxMinutes() : maxMinutes;
        if (max < 1 || max > 525_600) {
            throw new ValidationException("maxMinutes must be between 1 and 525600 (a year)");
        }
        int pending = maxPending == null ? row.getMaxPending() : maxPending;
        if (pending < 1 || pending > 1000) {
            throw new ValidationException("maxPending must be between 1 and 1000");
        }
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET) {
            throw new ValidationException("webhookSecret is longer than " + MAX_SECRET + " bytes");
        }
        row.limit(max, pending);
        String newUrl = url == null ? hook.map(NoticeWebhooks.Webhook::url).orElse(null) : url.isBlank() ? null : url.strip();
        if (newUrl == null) {
            if (secret != null && !secret.isBlank()) {
                throw new ValidationException("webhookSecret signs the webhook's notices: give a webhookUrl with it");
            }
            webhooks.remove(ExportPurpose.ACCESS_REQUESTS);
        } else if (url != null || secret != null) {
            if (newUrl.length() > 2000) {
                throw new ValidationException("webhookUrl is longer than 2000 characters");
            }
            if (secret != null || !webhooks.moveTo(ExportPurpose.ACCESS_REQUESTS, newUrl)) {
                webhooks.set(ExportPurpose.ACCESS_REQUESTS, newUrl, secret == null || secret.isBlank() ? null : secret,
                        actor.known() ? actor.user() : null);
            }
        }
        Optional<NoticeWebhooks.Webhook> after = webhooks.get(ExportPurpose.ACCESS_REQUESTS);
        changes.record("access-settings", "access-requests", "update", before, fields(row, after));
        return view(row, after);
    }

    /** A webhook V7 kept in the settings row, in the clear, becomes the outbox's destination (its secret sealed). */
    public void moveLegacyWebhook() {
        AccessSettings row = store.settings();
        if (row.getWebhookUrl() == null) {
            return;
        }
        try {
            webhooks.set(ExportPurpose.ACCESS_REQUESTS, row.getWebhookUrl(), row.getWebhookSecret(), null);
        } catch (ValidationException e) {
            LOG.warning("ShellGuard: the access-request webhook " + row.getWebhookUrl() + " is not a webhook URL any more ("
                    + e.getMessage() + "); set it again at /settings/access-requests");
        }
        row.forgetLegacyWebhook();
    }

    private static ChangeFields fields(AccessSettings row, Optional<NoticeWebhooks.Webhook> hook) {
        return ChangeFields.of().put("webhookUrl", hook.map(NoticeWebhooks.Webhook::url).orElse(null))
                .secret("webhookSecret", hook.map(NoticeWebhooks.Webhook::sealedSecret).orElse(null))
                .put("maxMinutes", row.getMaxMinutes()).put("maxPending", row.getMaxPending());
    }

    private static View view(AccessSettings row, Optional<NoticeWebhooks.Webhook> hook) {
        return new View(hook.map(NoticeWebhooks.Webhook::url).orElse(null), hook.map(NoticeWebhooks.Webhook::signed).orElse(false),
                row.getMaxMinutes(), row.getMaxPending(), hook.map(NoticeWebhooks.Webhook::delivery).orElse(null));
    }
}
