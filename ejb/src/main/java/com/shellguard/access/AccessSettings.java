package com.shellguard.access;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row of access-request settings: the longest access a request may ask for and how many requests a person
 * may have pending. The webhook lives with the audit export's destinations ({@link AccessNotifier}); the two webhook
 * columns are where V7 kept it, read once to move it there.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_access_settings")
public class AccessSettings {

    static final int ID = 1;
    public static final int DEFAULT_MAX_MINUTES = 480;
    /** Pending requests a person may have at once: enough for real work, too few to bury the approvers. */
    public static final int DEFAULT_MAX_PENDING = 5;

    @Id
    private int id = ID;

    @Column(name = "webhook_url", length = 2000)
    private String webhookUrl;

    @Column(name = "webhook_secret", length = 500)
    private String webhookSecret;

    @Column(name = "max_minutes", nullable = false)
    private int maxMinutes = DEFAULT_MAX_MINUTES;

    @Column(name = "max_pending", nullable = false)
    private int maxPending = DEFAULT_MAX_PENDING;

    public AccessSettings() {
    }

    String getWebhookUrl() {
        return webhookUrl;
    }

    String getWebhookSecret() {
        return webhookSecret;
    }

    public int getMaxMinutes() {
        return maxMinutes;
    }

    public int getMaxPending() {
        return maxPending;
    }

    void limit(int maxMinutes, int maxPending) {
        this.maxMinutes = maxMinutes;
        this.maxPending = maxPending;
    }

    /** The webhook as V7 kept it here, in the clear; moved to the outbox's destination on first use (V8). */
    void forgetLegacyWebhook() {
        this.webhookUrl = null;
        this.webhookSecret = null;
    }
}
