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
 * account is locked); {@link ConsoleIdentityStore} audits every attempt beside the SSH and API logins.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId(); // whatever session id the browser had before, it is not the logged-in one
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(username == null ? "" : username,
                        password == null ? "" : password)));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/console/dashboard.xhtml");
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    request.getAttribute(ConsoleIdentityStore.DIRECTORY_UNAVAILABLE) != null
                            ? "The directory cannot be reached to check the password; try again shortly."
                            : "Wrong user name or password, or the account may not use the console.", null));
        }
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
