package com.shellguard.console;

import com.shellguard.sso.ConsoleSignOn;
import com.shellguard.sso.ProviderUnavailableException;
import com.shellguard.sso.SignOnState;
import com.shellguard.sso.SingleSignOn;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the provider sends the browser back. The state must be the one sealed in this browser's sign-on cookie
 * ({@link SignOnState}: started by a node of this gateway, within ten minutes, unaltered); an error from the provider (the person declined) is audited and told; a code is
 * handed to Jakarta Security as a {@link SignOnCredential}, which {@link ConsoleIdentityStore} redeems and checks.
 * Every refusal lands on the login page with a fixed message for its kind; nothing the provider sent is shown.
 *
 * <p>The logged-in page is reached through a page of this site (a refresh), not a redirect, so the browser sends the
 * {@code SameSite=Strict} session cookie with it even when the provider lives on another site.
 */
@WebServlet("/sso/callback")
public class SignOnCallback extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Set on the request by the identity store: the refusal's reason code, for the login page's message. */
    static final String REFUSAL = "shellguard.ssoRefusal";

    @Inject
    transient SingleSignOn sso;

    @Inject
    transient ConsoleSignOn signOn;

    @Inject
    transient SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!sso.configured()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String source = request.getRemoteAddr() + ":" + request.getRemotePort();
        Optional<SignOnState.Pending> opened;
        try {
            opened = sso.signOnState().open(stateCookie(request), request.getParameter("state"), Instant.now());
        } catch (ProviderUnavailableException e) { // the settings are wrong: the log says which
            signOn.refusedBeforeExchange(source, ProviderUnavailableException.REASON + ": " + e.getMessage());
            refused(request, response, "unavailable");
            return;
        }
        forgetStateCookie(request, response);
        if (opened.isEmpty()) {
            signOn.refusedBeforeExchange(source, "SSO_STATE: the provider sent back a sign-on this browser did not start here,"
                    + " or after ten minutes");
            refused(request, response, "state");
            return;
        }
        SignOnState.Pending started = opened.get();
        String error = request.getParameter("error");
        if (error != null || request.getParameter("code") == null) {
            String said = error == null ? "no code" : error.replaceAll("[^A-Za-z0-9_.-]", "?");
            signOn.refusedBeforeExchange(source, "SSO_DENIED: the provider answered " + (said.length() > 64 ? said.substring(0, 64) : said));
            refused(request, response, "denied");
            return;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new SignOnCredential(request.getParameter("code"), started.codeVerifier(), started.redirectUri(),
                        started.nonce())));
        switch (status) {
            case SUCCESS -> {
                if (request.getSession(false) != null) {
                    request.changeSessionId();
                }
                String dashboard = request.getContextPath() + ConsoleHome.PATH;
                response.setContentType("text/html;charset=UTF-8");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter().write("<!DOCTYPE html><html><head><meta http-equiv=\"refresh\" content=\"0;url=" + dashboard
                        + "\"><title>ShellGuard</title></head><body><a href=\"" + dashboard + "\">Continue to the console</a></body></html>");
            }
            case SEND_CONTINUE, SEND_FAILURE -> {
                if (!response.isCommitted()) {
                    refused(request, response, kind((String) request.getAttribute(REFUSAL)));
                }
            }
            default -> refused(request, response, kind((String) request.getAttribute(REFUSAL)));
        }
    }

    /** The login page's message for a refusal reason. */
    static String kind(String reason) {
        if (reason == null) {
            return "refused";
        }
        for (String[] known : new String[][] {{"SSO_DENIED", "denied"}, {"SSO_LOCAL_ACCOUNT", "local"},
                {"SSO_SUBJECT_CHANGED", "subject"}, {"SSO_NOT_PROVISIONED", "notprovisioned"}, {"SSO_TOKEN_INVALID", "invalid"},
                {"SSO_UNAVAILABLE", "unavailable"}, {"LOCKED", "locked"}, {"THROTTLED", "locked"}}) {
            if (reason.startsWith(known[0])) {
                return known[1];
            }
        }
        return "refused";
    }

    private static String stateCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> SignOnStart.STATE_COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    private static void forgetStateCookie(HttpServletRequest request, HttpServletResponse response) {
        Cookie gone = new Cookie(SignOnStart.STATE_COOKIE, "");
        gone.setPath(request.getContextPath() + "/sso/");
        gone.setMaxAge(0);
        gone.setHttpOnly(true);
        response.addCookie(gone);
    }

    private static void refused(HttpServletRequest request, HttpServletResponse response, String kind) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login.xhtml?sso=" + kind);
    }
}
