package com.shellguard.console;

import com.shellguard.sso.ProviderUnavailableException;
import com.shellguard.sso.SingleSignOn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Sign in with ...": sends the browser to the provider's authorization endpoint (code flow with PKCE S256, a state
 * and a nonce), and binds the sign-on to this browser with a cookie that only {@link SignOnCallback} reads. The
 * cookie is {@code SameSite=Lax}, since the provider's redirect back is a cross-site navigation that the console's
 * {@code Strict} session cookie does not travel with.
 */
@WebServlet("/sso/login")
public class SignOnStart extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignOnStart.class.getName());
    static final String BINDING_COOKIE = "sg_sso";

    @Inject
    transient SingleSignOn sso;

    @Inject
    transient PendingSignOns pending;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!sso.configured()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String state = PendingSignOns.random();
        String binding = PendingSignOns.random();
        String nonce = PendingSignOns.random();
        String verifier = PendingSignOns.random();
        try {
            URI redirect = redirectUri(request);
            URI authorization = sso.authorizationRequest(redirect, state, nonce, challenge(verifier));
            if (!pending.add(state, new PendingSignOns.Pending(binding, nonce, verifier, redirect,
                    Instant.now().plus(PendingSignOns.VALID)))) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many sign-ons under way");
                return;
            }
            Cookie cookie = new Cookie(BINDING_COOKIE, binding);
            cookie.setPath(request.getContextPath() + "/sso/");
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setMaxAge((int) PendingSignOns.VALID.toSeconds());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            response.sendRedirect(authorization.toString());
        } catch (ProviderUnavailableException e) {
            LOG.log(Level.WARNING, "single sign-on cannot start: " + e.getMessage(), e);
            response.sendRedirect(request.getContextPath() + "/login.xhtml?sso=unavailable");
        }
    }

    /** Where the provider sends the browser back: SHELLGUARD_OIDC_CONSOLE_URL's, else this request's own address. */
    private URI redirectUri(HttpServletRequest request) {
        String base = sso.config().console().map(URI::toString).orElseGet(() -> {
            String url = request.getRequestURL().toString();
            return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
        });
        return URI.create(base.replaceAll("/+$", "") + "/sso/callback");
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
