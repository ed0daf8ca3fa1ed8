package com.shellguard.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks an ID token (OpenID Connect Core 3.1.3.7) with Nimbus JOSE+JWT: signed with an asymmetric algorithm by a key
 * the provider publishes (never {@code none}, never HMAC, which would make the client secret a signing key), issued by
 * the configured issuer, for the gateway's client (and, with several audiences, authorized party the gateway), not
 * expired (a minute of clock skew), with a subject; and for a browser login the nonce the gateway sent. Anything else
 * is {@link Refused}, whose message says what was wrong for the audit.
 */
public final class IdTokenCheck {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    /** The audit reason of every refused token. */
    public static final String REASON = "SSO_TOKEN_INVALID";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String clientId;

    public IdTokenCheck(String issuer, String clientId, JWKSource<SecurityContext> keys) {
        this.clientId = clientId;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp", "iss", "aud")));
    }

    /** A token that does not pass; the message names why. */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The token's claims, once everything holds.
     *
     * @param expectedNonce the nonce the authorization request carried, or null where none was sent (device grant)
     * @throws ProviderUnavailableException when the provider's keys cannot be fetched
     */
    public JWTClaimsSet verify(String idToken, String expectedNonce) throws Refused {
        if (idToken == null || idToken.isBlank()) {
            throw new Refused("the provider sent no ID token", null);
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (RemoteKeySourceException e) {
            throw new ProviderUnavailableException("the provider's signing keys cannot be fetched: " + e.getMessage(), e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new Refused("ID token refused: " + e.getMessage(), e);
        }
        List<String> audience = claims.getAudience();
        try {
            String authorizedParty = claims.getStringClaim("azp");
            if (audience.size() > 1 && !clientId.equals(authorizedParty)) {
                throw new Refused("ID token refused: several audiences and the authorized party is not " + clientId, null);
            }
            if (expectedNonce != null && !Objects.equals(expectedNonce, claims.getStringClaim("nonce"))) {
                throw new Refused("ID token refused: its nonce is not the one this login sent (a replayed or injected token)", null);
            }
        } catch (ParseException e) {
            throw new Refused("ID token refused: " + e.getMessage(), e);
        }
        return claims;
    }
}
