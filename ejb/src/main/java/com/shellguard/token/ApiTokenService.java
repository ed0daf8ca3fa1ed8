package com.shellguard.token;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.EnumSet;
import java.util.Set;
import java.util.Base64;
import java.util.List;

/** Issuing, listing and revoking API tokens. */
@Stateless
public class ApiTokenService {

    @Inject
    AdminChangeRecorder changes;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ApiTokenRepository tokens;

    /** A token that never expires and may do everything its owner's role allows on {@code /api/v1}. */
    public IssuedToken issue(String name, String owner) {
        return issue(name, owner, null, null);
    }

    /**
     * A new token. {@code scopes} null or absent: {@code admin}, as every token was before scopes; {@code expires}
     * an ISO-8601 instant in the future, or null for a token that does not expire.
     */
    public IssuedToken issue(String name, String owner, List<String> scopes, String expires) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name is required");
        }
        if (name.length() > 128) {
            throw new ValidationException("name must be at most 128 characters");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = "sgt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime now = Clock.now();
        ApiToken token = new ApiToken(name, owner, value, now, scopesOf(scopes), expiryOf(expires, now));
        tokens.add(token);
        changes.record("token", token.getId(), "issue", null, fields(token));
        return new IssuedToken(token, value);
    }

    private static Set<TokenScope> scopesOf(List<String> wire) {
        if (wire == null) {
            return EnumSet.of(TokenScope.ADMIN);
        }
        if (wire.isEmpty()) {
            throw new ValidationException("scopes must name at least one of read, admin, scim, requests");
        }
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        wire.forEach(s -> scopes.add(TokenScope.of(s)));
        return scopes;
    }

    static OffsetDateTime expiryOf(String expires, OffsetDateTime now) {
        if (expires == null) {
            return null;
        }
        OffsetDateTime at;
        try {
            at = Instant.parse(expires).atOffset(ZoneOffset.UTC);
        } catch (DateTimeException e) { // a malformed text, or an instant no date-time holds (year +1000000000)
            throw new ValidationException("expires \"" + expires + "\" is not an ISO-8601 instant (e.g. 2027-01-31T00:00:00Z)");
        }
        if (at.getYear() > 9999) {
            throw new ValidationException("expires " + expires + " is beyond the year 9999; leave it out for a token that does not expire");
        }
        if (!at.isAfter(now)) {
            throw new ValidationException("expires " + expires + " is not in the future");
        }
        return at;
    }

    /**
     * A token as the admin audit shows it: its name, owner, scopes and expiry; its value is never anywhere but in the
     * answer to its issue.
     */
    private static ChangeFields fields(ApiToken token) {
        return ChangeFields.of().put("name", token.getName()).put("owner", token.getOwner())
                .put("scopes", token.getScopes().stream().map(TokenScope::wire).sorted().toList())
                .put("expires", token.getExpires() == null ? null : token.getExpires().toString());
    }

    public List<ApiToken> list() {
        return tokens.all();
    }

    public void revoke(String id) {
        ApiToken token = tokens.find(id).orElseThrow(() -> new NotFoundException("no token " + id));
        changes.record("token", id, "revoke", fields(token), null);
        tokens.remove(token);
    }
}
