package com.shellguard.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login form. One message for every refusal, so the page does not tell which user names exist (or that an
 * account is locked); {@link ConsoleIdentityStore} audits every attempt beside the SSH and API logins. An account
 * with a second factor is then asked for its code on the same page ({@link SecondFactorStep}).
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    SecondFactorStep step;

    private String username;
    private String password;
    private String code;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId(); // whatever session id the browser had before, it is not the logged-in one
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(username == null ? "" : username,
                        password == null ? "" : password)));
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE && step.isAwaiting()) {
            ((HttpServletResponse) external.getResponse()).setStatus(HttpServletResponse.SC_OK);
            return; // the page now asks for the code
        }
        concluded(status, "Wrong user name or password, or the account may not use the console.");
    }

    /** The second step: the code of the account whose password this session showed. */
    public void verify() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        boolean wasAwaiting = step.isAwaiting();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new SecondFactorCredential(code == null ? "" : code)));
        if (status == AuthenticationStatus.SUCCESS) {
            request.changeSessionId();
        }
        concluded(status, wasAwaiting && step.isAwaiting() ? "Wrong or already used code; enter the code the app shows now."
                : "Log in again: the code was not entered in time, or the account is refused for now.");
    }

    private void concluded(AuthenticationStatus status, String refusal) throws IOException {
        ExternalContext external = faces.getExternalContext();
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + ConsoleHome.PATH);
            default -> {
                HttpServletRequest request = (HttpServletRequest) external.getRequest();
                String message = request.getAttribute(ConsoleIdentityStore.DIRECTORY_UNAVAILABLE) != null
                        ? "The directory cannot be reached to check the password; try again shortly."
                        : request.getAttribute(ConsoleIdentityStore.SECOND_FACTOR_MISSING) != null
                        ? "This account must log in with a second factor and has none yet: enrol one with your password"
                                + " (POST /api/v1/users/NAME/totp, then .../totp/confirm) or ask an administrator, then log in again."
                        : refusal;
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            }
        }
    }

    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
