package com.shellguard.sso;

import com.shellguard.auth.LoginLockout;
import com.shellguard.common.Clock;
import com.shellguard.connector.api.DeviceLogin;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Single sign-on over SSH with the device authorization grant (RFC 8628): the connector asks for a code when anyone
 * logs in over keyboard-interactive, then polls here until the person signed in at the provider. Every name gets a
 * code alike, whether it is federated, local, a directory's or unknown, and nothing about the account is looked up
 * before the provider answered, so the offer tells a stranger nothing of which names exist or how they log in. The
 * person who signs in must be the one named in the SSH login: a code shown to alice and entered by mallory opens
 * nothing ({@code SSO_WRONG_USER}); and only then does {@link FederatedAccounts} decide whether the account opens.
 */
@Stateless
public class DeviceLogins {

    private static final Logger LOG = Logger.getLogger(DeviceLogins.class.getName());
    private static final int MAX_REASON = 1000;

    @Inject
    SingleSignOn sso;

    @Inject
    FederatedAccounts accounts;

    @Inject
    LoginLockout lockout;

    public DeviceLogin start(String user, String sourceAddress) {
        if (!sso.configured()) {
            return DeviceLogin.notOffered();
        }
        try {
            Optional<String> locked = lockout.standing(user, sourceAddress).refused();
            if (locked.isPresent()) {
                return DeviceLogin.refused(locked.get());
            }
            OpenIdProvider.Answer answer = sso.startDevice();
            JsonObject body = answer.body();
            String deviceCode = body.getString("device_code", null);
            String userCode = body.getString("user_code", null);
            String uri = body.getString("verification_uri", null);
            if (!answer.ok() || deviceCode == null || userCode == null || uri == null) {
                throw new ProviderUnavailableException("the device authorization endpoint answered " + answer.status() + " "
                        + answer.error());
            }
            return DeviceLogin.waiting(deviceCode, uri, body.getString("verification_uri_complete", null), userCode,
                    number(body, "interval", 5), number(body, "expires_in", 300));
        } catch (ProviderUnavailableException | ClassCastException e) {
            LOG.log(Level.WARNING, "single sign-on over SSH for " + user + " could not start: " + e.getMessage(), e);
            return DeviceLogin.refused(ProviderUnavailableException.REASON);
        }
    }

    public DeviceLogin poll(String user, String deviceCode, String sourceAddress) {
        try {
            SingleSignOn.Exchange exchange = sso.pollDevice(deviceCode);
            if (exchange.pending()) {
                return DeviceLogin.pending(exchange.slowDown() ? 5 : 0);
            }
            if (!exchange.accepted()) {
                return refused(exchange.refusal());
            }
            SsoConfig config = sso.config();
            Optional<String> signedIn = FederatedAccounts.nameOf(exchange.claims(), config);
            if (!signedIn.filter(user::equals).isPresent()) {
                return refused("SSO_WRONG_USER: signed in as " + signedIn.orElse("(no user name)") + ", not " + user);
            }
            FederatedAccounts.Admission admission = accounts.admit(exchange.claims(), config, sourceAddress);
            if (!admission.accepted()) {
                return refused(admission.refusal());
            }
            admission.account().signedOnOverSsh(Clock.now()); // scp and Ansible may use the person's keys for SHELLGUARD_OIDC_KEY_HOURS
            return DeviceLogin.accepted();
        } catch (ProviderUnavailableException e) {
            LOG.log(Level.WARNING, "single sign-on over SSH for " + user + " could not be completed: " + e.getMessage(), e);
            return DeviceLogin.refused(ProviderUnavailableException.REASON);
        }
    }

    private static DeviceLogin refused(String reason) {
        return DeviceLogin.refused(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
    }

    private static int number(JsonObject body, String field, int fallback) {
        return body.get(field) instanceof JsonNumber n ? Math.max(1, Math.min(n.intValue(), 3600)) : fallback;
    }
}
