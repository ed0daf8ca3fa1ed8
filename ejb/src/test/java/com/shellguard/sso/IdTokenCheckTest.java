package com.shellguard.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ID tokens as a provider (or someone pretending to be one) could send them, signed with keys made here: only a token
 * signed by a published key, from the issuer, for this client, unexpired, with the login's nonce passes.
 */
class IdTokenCheckTest {

    private static final String ISSUER = "https://idp.example.com/realms/corp";
    private static final String CLIENT = "shellguard";

    private final RSAKey published = key("published");
    private final RSAKey other = key("other");
    private final IdTokenCheck check = new IdTokenCheck(ISSUER, CLIENT, new ImmutableJWKSet<>(new JWKSet(published.toPublicJWK())));

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JWTClaimsSet.Builder claims() {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("2f1c").claim("preferred_username", "ada")
                .claim("nonce", "n-1").issueTime(new Date(now)).expirationTime(new Date(now + 300_000));
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String refusal(String token, String nonce) {
        return assertThrows(IdTokenCheck.Refused.class, () -> check.verify(token, nonce)).getMessage();
    }

    @Test
    void aTokenSignedByThePublishedKeyForThisClientFromTheIssuerPasses() throws Exception {
        assertEquals("ada", check.verify(signed(published, claims().build()), "n-1").getStringClaim("preferred_username"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEvenUnderThePublishedKeyId() {
        RSAKey impostor = new RSAKey.Builder(other).keyID("published").build();
        assertTrue(refusal(signed(impostor, claims().build()), "n-1").contains("Signed JWT rejected"));
        refusal(signed(other, claims().build()), "n-1");
    }

    @Test
    void aTokenOfAnotherIssuerOrForAnotherClientIsRefused() {
        assertTrue(refusal(signed(published, claims().issuer("https://evil.example.com").build()), "n-1").contains("iss"));
        assertTrue(refusal(signed(published, claims().audience("other-app").build()), "n-1").contains("aud"));
        assertTrue(refusal(signed(published, claims().audience(List.of(CLIENT, "other-app")).claim("azp", "other-app").build()), "n-1")
                .contains("authorized party"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        long past = System.currentTimeMillis() - 3_600_000;
        assertTrue(refusal(signed(published, claims().issueTime(new Date(past)).expirationTime(new Date(past + 300_000)).build()), "n-1")
                .contains("Expired"));
    }

    @Test
    void aTokenWithAnotherLoginsNonceIsRefused() {
        assertTrue(refusal(signed(published, claims().claim("nonce", "n-2").build()), "n-1").contains("nonce"));
    }

    @Test
    void anUnsignedTokenAndOneSignedWithTheClientSecretAreRefused() throws Exception {
        refusal(new PlainJWT(claims().build()).serialize(), "n-1");
        SignedJWT mac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        mac.sign(new MACSigner("a-client-secret-of-at-least-256-bits-0123456789"));
        refusal(mac.serialize(), "n-1");
        refusal("not.a.token", "n-1");
        refusal("", "n-1");
    }
}
