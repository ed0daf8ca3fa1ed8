package com.shellguard.console;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;

/** Refuses an {@link AdminOnly} action to anyone but an admin, with a message instead of running it. */
@AdminOnly
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AdminOnlyGuard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext security;

    @AroundInvoke
    Object guard(InvocationContext call) throws Exception {
        if (!security.isCallerInRole(ConsoleRoles.ADMIN)) {
            Feedback.error("Only admins may change anything; " + (security.getCallerPrincipal() == null ? "you are not logged in"
                    : security.getCallerPrincipal().getName() + " is not an admin") + ".");
            return null;
        }
        return call.proceed();
    }
}
