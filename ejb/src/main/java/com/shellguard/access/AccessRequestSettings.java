package com.shellguard.access;

import com.shellguard.common.ValidationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;

/** The webhook (URL and signing secret) and the longest access a request may ask for. */
@Stateless
public class AccessRequestSettings {

    @Inject
    AccessRequests store;

    public AccessSettings get() {
        return store.settings();
    }

    /**
     * Changes what is given: {@code url} (blank removes the webhook), {@code secret} (blank removes it), {@code maxMinutes};
     * a null argument keeps the current value.
     */
    public AccessSettings set(String url, String secret, Integer maxMinutes) {
        AccessSettings row = store.storedSettings();
        String newUrl = url == null ? row.getWebhookUrl() : url.isBlank() ? null : checkedUrl(url.strip());
        String newSecret = secret == null ? row.getWebhookSecret() : secret.isBlank() ? null : secret;
        if (newSecret != null && newSecret.length() > 500) {
            throw new ValidationException("webhookSecret is longer than 500 characters");
        }
        int max = maxMinutes == null ? row.getMaxMinutes() : maxMinutes;
        if (max < 1 || max > 525_600) {
            throw new ValidationException("maxMinutes must be between 1 and 525600 (a year)");
        }
        row.set(newUrl, newSecret, max);
        return row;
    }

    private static String checkedUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ValidationException("webhookUrl must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("webhookUrl is not a URL: " + e.getMessage());
        }
        if (url.length() > 2000) {
            throw new ValidationException("webhookUrl is longer than 2000 characters");
        }
        return url;
    }
}
