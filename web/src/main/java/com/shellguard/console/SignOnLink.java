package com.shellguard.console;

import com.shellguard.sso.SingleSignOn;
import com.shellguard.sso.SsoSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** The login page's "Sign in with ..." link, shown when a provider is configured, and why the last sign-on was refused. */
@Named
@RequestScoped
public class SignOnLink {

    private static final Map<String, String> REFUSALS = Map.of(
            "denied", "The sign-in was declined or refused at the identity provider.",
            "local", "This name is an account of the gateway itself: log in with its password.",
            "subject", "This account belongs to another person of the identity provider (renamed or re-created there): ask an administrator.",
            "notprovisioned", "You have no account here, and signing in does not create one: ask an administrator.",
            "invalid", "The identity provider's answer could not be verified; nothing was opened.",
            "unavailable", "The identity provider cannot be reached; try again shortly, or log in with a password.",
            "state", "This sign-in was not started here, or took too long: start again.",
            "locked", "Too many failed logins: the account is refused for now.",
            "refused", "Single sign-on was refused.");

    @Inject
    SingleSignOn sso;

    @Inject
    SsoSettings settings;

    public boolean isOffered() {
        return sso.configured();
    }

    public String getProviderName() {
        return settings.providerName();
    }

    /** The message for a {@code ?sso=} kind the callback sent the browser here with; null for anything else. */
    public String refusal(String kind) {
        return kind == null ? null : REFUSALS.get(kind);
    }
}
