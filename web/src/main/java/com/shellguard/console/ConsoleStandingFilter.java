package com.shellguard.console;

import com.shellguard.auth.CurrentRoles;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * A console login keeps the role it was given in its HTTP session; this ends the session at the next request once
 * the account is disabled, removed, or holds another role (a demoted admin logs in again as what they are now).
 */
@WebFilter("/console/*")
public class ConsoleStandingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentRoles roles;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !stillHeld(request)) {
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillHeld(HttpServletRequest request) {
        Optional<String> role = roles.of(request.getUserPrincipal().getName()).flatMap(ConsoleRoles::of);
        return role.isPresent() && request.isUserInRole(role.get());
    }
}
