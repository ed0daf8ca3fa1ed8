package com.shellguard.console;

import com.shellguard.adminaudit.AdminActor;
import com.shellguard.adminaudit.Channel;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Tells the admin audit who makes the changes of a console request: the logged-in account and its address. */
@WebFilter("/console/*")
public class ConsoleActorFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminActor actor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            actor.identify(request.getUserPrincipal().getName(), null, request.getRemoteAddr() + ":" + request.getRemotePort(),
                    Channel.CONSOLE);
        }
        chain.doFilter(request, response);
    }
}
