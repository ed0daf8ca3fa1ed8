package com.shellguard.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The provider's side of both sign-ons: where a browser is sent to sign in (authorization code flow with PKCE, a
 * nonce and a state), and the checked ID token that a code or a device code is exchanged for. Each refusal carries
 * a reason code for the audit and the person: {@code SSO_DENIED} (the person declined or the provider refused),
 * {@code SSO_EXPIRED}, {@link IdTokenCheck#REASON}, {@link ProviderUnavailableException#REASON}.
 */
@ApplicationScoped
public class SingleSignOn {

    private static final Logger LOG = Logger.getLogger(SingleSignOn.class.getName());

    @Inject
    OpenIdProvider provider;

    @Inject
    SsoSettings settings;

    private volatile IdTokenCheck check;

    /** A token exchange's result: the verified claims, or why there are none. */
    public record Exchange(JWTClaimsSet claims, String refusal, boolean pending, boolean slowDown) {

        static Exchange refused(String reason) {
            return new Exchange(null, reason, false, false);
        }

        public boolean accepted() {
            return claims != null;
        }
    }

    public boolean configured() {
        return settings.configured();
    }

    public SsoConfig config() {
        return settings.config();
    }

    /** How a console sign-on under way is sealed into the browser's cookie. */
    public SignOnState signOnState() {
        return SignOnState.of(settings.config());
    }

    /** Where the browser signs in: the authorization endpoint with this login's state, nonce and PKCE challenge. */
    public URI authorizationRequest(URI redirectUri, String state, String nonce, String codeChallenge) {
        SsoConfig config = settings.config();
        String query = "response_type=code&scope=" + encode("openid profile email") + "&client_id=" + encode(config.clientId())
                + "&redirect_uri=" + encode(redirectUri.toString()) + "&state=" + encode(state) + "&nonce=" + encode(nonce)
                + "&code_challenge=" + encode(codeChallenge) + "&code_challenge_method=S256";
        URI endpoint = provider.endpoints().authorization();
        return URI.create(endpoint + (endpoint.getQuery() == null ? "?" : "&") + query);
    }

    /** Exchanges an authorization code (with its PKCE verifier) and checks the ID token against the nonce sent. */
    public Exchange redeemCode(String code, String codeVerifier, URI redirectUri, String nonce) {
        OpenIdProvider.Answer answer = provider.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri.toString(), "code_verifier", codeVerifier));
        return checked(answer, nonce);
    }

    /** Asks once whether the person signed in with a device code (RFC 8628 section 3.4). */
    public Exchange pollDevice(String deviceCode) {
        OpenIdProvider.Answer answer = provider.token(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", deviceCode));
        if (!answer.ok()) {
            switch (answer.error()) {
                case "authorization_pending":
                    return new Exchange(null, null, true, false);
                case "slow_down":
                    return new Exchange(null, null, true, true);
                case "expired_token":
                    return Exchange.refused("SSO_EXPIRED: the code expired before the person signed in");
                case "access_denied":
                    return Exchange.refused("SSO_DENIED: the person declined, or the provider refused, the sign-in");
                default:
                    break;
            }
        }
        return checked(answer, null);
    }

    /** A device authorization request: the code the person enters and where. */
    public OpenIdProvider.Answer startDevice() {
        return provider.deviceAuthorization(Map.of("scope", "openid profile email"));
    }

    private Exchange checked(OpenIdProvider.Answer answer, String nonce) {
        if (!answer.ok()) {
            String error = answer.error();
            if ("invalid_grant".equals(error) || "access_denied".equals(error)) {
                return Exchange.refused("SSO_DENIED: the provider refused the code (" + error + ")");
            }
            throw new ProviderUnavailableException("the provider's token endpoint answered " + answer.status() + " " + error);
        }
        try {
            return new Exchange(idTokenCheck().verify(answer.body().getString("id_token", null), nonce), null, false, false);
        } catch (IdTokenCheck.Refused e) {
            LOG.log(Level.WARNING, "single sign-on: " + e.getMessage());
            return Exchange.refused(IdTokenCheck.REASON + ": " + e.getMessage());
        } catch (ClassCastException e) {
            return Exchange.refused(IdTokenCheck.REASON + ": the provider's id_token is not a string");
        }
    }

    private IdTokenCheck idTokenCheck() {
        IdTokenCheck current = check;
        if (current == null) {
            SsoConfig config = settings.config();
            current = new IdTokenCheck(config.issuer().toString(), config.clientId(), provider.endpoints().keys());
            check = current;
        }
        return current;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
