package com.shellguard.access;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row of access-request settings: the webhook told of every request and decision (and the secret its
 * HMAC signature is made with), and the longest access a request may ask for.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_access_settings")
public class AccessSettings {

    static final int ID = 1;
    public static final int DEFAULT_MAX_MINUTES = 480;

    @Id
    private int id = ID;

    @Column(name = "webhook_url", length = 2000)
    private String webhookUrl;

    @Column(name = "webhook_secret", length = 500)
    private String webhookSecret;

    @Column(name = "max_minutes", nullable = false)
    private int maxMinutes = DEFAULT_MAX_MINUTES;

    public AccessSettings() {
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public int getMaxMinutes() {
        return maxMinutes;
    }

    void set(String url, String secret, int max) {
        this.webhookUrl = url;
        this.webhookSecret = secret;
        this.maxMinutes = max;
    }
}
