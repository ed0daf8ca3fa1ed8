package com.shellguard.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Who is using the console, for pages to show and to hide what an auditor may not do; and logging out. */
@Named
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    public String getName() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    public boolean isAdmin() {
        return security.isCallerInRole(ConsoleRoles.ADMIN);
    }

    public String getRole() {
        return isAdmin() ? ConsoleRoles.ADMIN : ConsoleRoles.AUDITOR;
    }

    /** Ends the login and the session; the next request starts at the login page. */
    public void logout() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }
}
