package com.shellguard.console;

import com.shellguard.user.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Who is using the console, for pages to show and to hide what an auditor or a USER may not do; and logging out. */
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

    /** Admins and auditors: the whole console. Anyone else logged in has only the page of their own access. */
    public boolean isStaff() {
        return isAdmin() || security.isCallerInRole(ConsoleRoles.AUDITOR);
    }

    public String getRole() {
        return isAdmin() ? ConsoleRoles.ADMIN : isStaff() ? ConsoleRoles.AUDITOR : "user";
    }

    /** The account's role as the services know it. */
    public Role getAccountRole() {
        return isAdmin() ? Role.ADMIN : isStaff() ? Role.AUDITOR : Role.USER;
    }

    /** Ends the login and the session; the next request starts at the login page. */
    public void logout() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }
}
