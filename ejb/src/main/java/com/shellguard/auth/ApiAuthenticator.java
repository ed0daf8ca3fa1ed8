package com.shellguard.auth;

import com.shellguard.common.Clock;
import com.shellguard.token.ApiToken;
import com.shellguard.token.ApiTokenRepository;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.PasswordHasher;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns an {@code Authorization} header into an {@link ApiCaller}: HTTP Basic with an account's password,
 * or {@code Bearer sgt_...} with an API token, which acts as its owner.
 */
@Stateless
public class ApiAuthenticator {

    @Inject
    UserRepository users;

    @Inject
    ApiTokenRepository tokens;

    @Inject
    BasicCredentialCache basicCache;

    public Optional<ApiCaller> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim());
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).trim());
        }
        return Optional.empty();
    }

    private Optional<ApiCaller> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return password(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /**
     * The account a user name and password name, whatever door they came through (HTTP Basic, the console's
     * login form): empty when unknown, disabled or wrong, each after the same password-hashing time.
     */
    public Optional<ApiCaller> password(String name, String password) {
        Optional<GatewayUser> user = users.find(name);
        if (user.isEmpty()) {
            PasswordHasher.spendVerificationTime(password);
            return Optional.empty();
        }
        GatewayUser account = user.get();
        String stamp = account.credentialStamp();
        if (account.isEnabled() && basicCache.recentlyVerified(name, password, stamp)) {
            return Optional.of(ApiCaller.of(account));
        }
        if (!account.acceptsPassword(password)) {
            return Optional.empty();
        }
        basicCache.remember(name, password, stamp);
        return Optional.of(ApiCaller.of(account));
    }

    private Optional<ApiCaller> bearer(String value) {
        Optional<ApiToken> token = tokens.findByValue(value);
        token.ifPresent(t -> t.used(Clock.now()));
        return token.flatMap(t -> users.find(t.getOwner())).filter(GatewayUser::isEnabled).map(ApiCaller::of);
    }
}
