package com.shellguard.export;

/**
 * A destination as an admin describes it: {@code kind} {@code syslog} or {@code webhook}, {@code format}
 * {@code rfc5424} or {@code json} (null: rfc5424 for syslog, json for webhooks), the webhook's HMAC {@code secret}
 * (null: one is generated), and PEM {@code ca} certificates to trust for TLS (null: the JVM's trust store).
 */
public record ExportDraft(String name, String kind, String url, String format, String secret, String ca) {
}
