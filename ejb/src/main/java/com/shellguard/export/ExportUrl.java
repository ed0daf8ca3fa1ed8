package com.shellguard.export;

import com.shellguard.common.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A destination's address: {@code syslog+tcp://HOST[:PORT]} (RFC 6587 octet counting, port 514 by default),
 * {@code syslog+tls://HOST[:PORT]} (RFC 5425, port 6514 by default), or an {@code http://} or {@code https://}
 * webhook URL.
 */
public record ExportUrl(String scheme, String host, int port, URI uri) {

    public static final String SYSLOG_TCP = "syslog+tcp";
    public static final String SYSLOG_TLS = "syslog+tls";

    public static ExportUrl parse(String text, ExportKind kind) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("url is required");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new ValidationException("url is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ValidationException("url must name a host: " + text);
        }
        if (kind == ExportKind.SYSLOG) {
            if (!scheme.equals(SYSLOG_TCP) && !scheme.equals(SYSLOG_TLS)) {
                throw new ValidationException("a syslog url is syslog+tcp://HOST:PORT or syslog+tls://HOST:PORT, not " + text);
            }
            if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                throw new ValidationException("a syslog url is only a host and a port: " + text);
            }
            int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals(SYSLOG_TLS) ? 6514 : 514;
            return new ExportUrl(scheme, uri.getHost(), port, uri);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ValidationException("a webhook url is http:// or https://, not " + text);
        }
        if (uri.getRawUserInfo() != null) {
            throw new ValidationException("a webhook url must not carry credentials; events are signed instead");
        }
        return new ExportUrl(scheme, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80, uri);
    }

    public boolean tls() {
        return scheme.equals(SYSLOG_TLS) || scheme.equals("https");
    }
}
