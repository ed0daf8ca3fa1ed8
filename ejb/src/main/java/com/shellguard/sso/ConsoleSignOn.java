package com.shellguard.sso;

import com.shellguard.auth.AuthenticationService;
import com.shellguard.user.GatewayUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's single sign-on, after the provider sent the browser back with a code: the code is exchanged, the ID
 * token checked, the person admitted ({@link FederatedAccounts}), and the outcome audited with the console's logins
 * (method {@code CONSOLE}, reason {@code SSO...}). A person admitted with the USER role gets the console's page of
 * their own access, as a USER's password does.
 */
@Stateless
public class ConsoleSignOn {

    private static final Logger LOG = Logger.getLogger(ConsoleSignOn.class.getName());

    @Inject
    SingleSignOn sso;

    @Inject
    FederatedAccounts accounts;

    @Inject
    AuthenticationService audit;

    /** How a console sign-on ended: the account it opens (its role already set), or the reason code for the person. */
    public record Outcome(GatewayUser account, String reason) {

        public boolean accepted() {
            return account != null;
        }
    }

    public Outcome signIn(String code, String codeVerifier, URI redirectUri, String nonce, String sourceAddress) {
        String name = "";
        try {
            SingleSignOn.Exchange exchange = sso.redeemCode(code, codeVerifier, redirectUri, nonce);
            if (!exchange.accepted()) {
                return refused(name, sourceAddress, exchange.refusal());
            }
            FederatedAccounts.Admission admission = accounts.admit(exchange.claims(), sso.config(), sourceAddress);
            name = admission.name();
            if (!admission.accepted()) {
                return refused(name, sourceAddress, admission.refusal());
            }
            GatewayUser account = admission.account();
            audit.consoleSignOnConcluded(name, sourceAddress, true, "SSO as " + account.getRole());
            return new Outcome(account, null);
        } catch (ProviderUnavailableException e) {
            LOG.log(Level.WARNING, "single sign-on to the console could not be completed: " + e.getMessage(), e);
            return refused(name, sourceAddress, ProviderUnavailableException.REASON + ": " + e.getMessage());
        }
    }

    /** A sign-on that ended at the provider (an error sent back, a state this browser did not start) is audited too. */
    public void refusedBeforeExchange(String sourceAddress, String reason) {
        audit.consoleSignOnConcluded("", sourceAddress, false, reason);
    }

    private Outcome refused(String name, String sourceAddress, String reason) {
        audit.consoleSignOnConcluded(name, sourceAddress, false, reason);
        return new Outcome(null, reason);
    }
}
