package com.shellguard.console;

import com.shellguard.sso.ProviderUnavailableException;
import com.shellguard.sso.SignOnState;
import com.shellguard.sso.SingleSignOn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Sign in with ...": sends the browser to the provider's authorization endpoint (code flow with PKCE S256, a state
 * and a nonce), and gives the browser the sign-on itself to keep, sealed ({@link SignOnState}), in a cookie that only
 * {@link SignOnCallback} reads. Nothing is kept on the node, so anyone may call this as often as they like without
 * keeping anyone else from signing on. The cookie is {@code SameSite=Lax}, since the provider's redirect back is a
 * cross-site navigation that the console's {@code Strict} session cookie does not travel with.
 */
@WebServlet("/sso/login")
public class SignOnStart extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignOnStart.class.getName());
    static final String STATE_COOKIE = "sg_sso";

    @Inject
    transient SingleSignOn sso;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!sso.configured()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            SignOnState.Pending pending = SignOnState.Pending.start(redirectUri(request), Instant.now());
            URI authorization = sso.authorizationRequest(pending.redirectUri(), pending.state(), pending.nonce(), pending.codeChallenge());
            Cookie cookie = new Cookie(STATE_COOKIE, sso.signOnState().seal(pending));
            cookie.setPath(request.getContextPath() + "/sso/");
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setMaxAge((int) SignOnState.VALID.toSeconds());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            response.setHeader("Cache-Control", "no-store");
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
}
