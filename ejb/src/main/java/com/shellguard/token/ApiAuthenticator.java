package com.shellguard.token;

import com.shellguard.common.Clock;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Turns an {@code Authorization} header into an {@link ApiCaller}: HTTP Basic with an account's password,
 * or {@code Bearer sgt_...} with an API token. Also issues and revokes tokens.
 */
@Stateless
public class ApiAuthenticator {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    UserRepository users;

    @Inject
    BasicCredentialCache basicCache;

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

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
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        Optional<GatewayUser> user = users.find(name).filter(GatewayUser::isEnabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String stamp = user.get().credentialStamp();
        if (basicCache.recentlyVerified(name, password, stamp)) {
            return Optional.of(new ApiCaller(name, user.get().getRole()));
        }
        if (!user.get().acceptsPassword(password)) {
            return Optional.empty();
        }
        basicCache.remember(name, password, stamp);
        return Optional.of(new ApiCaller(name, user.get().getRole()));
    }

    private Optional<ApiCaller> bearer(String token) {
        Optional<ApiToken> found = em.createNamedQuery("ApiToken.byHash", ApiToken.class)
                .setParameter("hash", sha256(token)).getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        found.get().used(Clock.now());
        return users.find(found.get().getOwner()).filter(GatewayUser::isEnabled)
                .map(u -> new ApiCaller(u.getUsername(), u.getRole()));
    }

    public record IssuedToken(ApiToken token, String value) {
    }

    public IssuedToken issue(String name, ApiCaller owner) {
        if (name == null || name.isBlank() || name.length() > 128) {
            throw new ValidationException("name is required (at most 128 characters)");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = "sgt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken(name, owner.name(), sha256(value), Clock.now());
        em.persist(token);
        return new IssuedToken(token, value);
    }

    public List<ApiToken> tokens() {
        return em.createNamedQuery("ApiToken.all", ApiToken.class).getResultList();
    }

    public void revoke(String id) {
        ApiToken token = Optional.ofNullable(em.find(ApiToken.class, id)).orElseThrow(() -> new NotFoundException("no token " + id));
        em.remove(token);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
