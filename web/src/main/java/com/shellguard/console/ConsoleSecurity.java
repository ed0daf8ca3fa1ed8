package com.shellguard.console;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * How people log in to the console: a Faces login page ({@link LoginPage}) that hands the credential to Jakarta
 * Security, which asks {@link ConsoleIdentityStore}. Unauthenticated requests for a console page are redirected
 * to the login page and continue where they were going once logged in. The REST API is not affected: its
 * resources are not constrained in web.xml and it authenticates each request itself (ApiAccessFilter).
 */
@ApplicationScoped
@DeclareRoles({ConsoleRoles.ADMIN, ConsoleRoles.AUDITOR, ConsoleRoles.REQUESTER})
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login.xhtml",
        errorPage = "", useForwardToLogin = false))
public class ConsoleSecurity {
}
