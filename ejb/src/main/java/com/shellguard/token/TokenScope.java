package com.shellguard.token;

import com.shellguard.common.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What one API token may be used for, on top of what its owner's role allows. */
public enum TokenScope {
    /** Every {@code GET} (and {@code HEAD}) of {@code /api/v1}. */
    READ,
    /** Everything {@code /api/v1} does. */
    ADMIN,
    /** {@code /scim/v2} and nothing else: an identity provider's provisioning. */
    SCIM,
    /** {@code /api/v1/access-requests...} and nothing else. */
    REQUESTS;

    private static final String ACCESS_REQUESTS = "access-requests";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenScope of(String wire) {
        if (wire != null) {
            for (TokenScope s : values()) {
                if (s.wire().equals(wire)) {
                    return s;
                }
            }
        }
        throw new ValidationException("scopes: \"" + wire + "\" is not one of "
                + Arrays.stream(values()).map(TokenScope::wire).collect(Collectors.joining(", ")));
    }

    /** Whether this scope lets a token make a request of {@code /api/v1}; {@code path} is relative to it. */
    public boolean permitsApi(String method, String path) {
        return switch (this) {
            case ADMIN -> true;
            case READ -> "GET".equals(method) || "HEAD".equals(method);
            case REQUESTS -> path.equals(ACCESS_REQUESTS) || path.startsWith(ACCESS_REQUESTS + "/");
            case SCIM -> false;
        };
    }
}
