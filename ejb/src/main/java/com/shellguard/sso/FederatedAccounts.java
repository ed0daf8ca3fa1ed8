package com.shellguard.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import com.shellguard.auth.LoginLockout;
import com.shellguard.common.Clock;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.Role;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a verified ID token into a gateway account. The person's name is the username claim (default
 * {@code preferred_username}), which must be a gateway user name; their role is set at every sign-on from the roles
 * claim (default {@code groups}). A name the gateway does not know becomes a federated account (no local password)
 * when {@code SHELLGUARD_OIDC_CREATE_USERS} allows it. A local or directory account of the same name is never
 * signed on to: whoever runs the provider cannot take over {@code admin} by naming someone {@code admin}. A locked
 * account stays locked.
 *
 * <p>The name finds the account, but the account belongs to one person of the provider: its first sign-on binds it
 * to the token's issuer and subject (the provider's id of the person, which a rename does not change and a new user
 * of a freed name does not get), and a later token that names the account with another subject is refused
 * ({@code SSO_SUBJECT_CHANGED}) until an admin unbinds it ({@code DELETE /users/NAME/sso-binding}).
 */
@Stateless
public class FederatedAccounts {

    /** The gateway's user-name rule ({@code common.Names}), without throwing. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._][a-z0-9._-]{0,127}");

    /** OpenID Connect Core 2: a subject is at most 255 ASCII characters. */
    private static final int MAX_SUBJECT = 255;

    @Inject
    UserRepository users;

    @Inject
    LoginLockout lockout;

    /** Who a token names, or why it names nobody the gateway accepts. */
    public record Admission(GatewayUser account, String name, String refusal) {

        static Admission refused(String name, String reason) {
            return new Admission(null, name, reason);
        }

        public boolean accepted() {
            return account != null;
        }
    }

    /** The user name the token's claims give, if it is one the gateway can have. */
    public static Optional<String> nameOf(JWTClaimsSet claims, SsoConfig config) {
        try {
            String name = claims.getStringClaim(config.usernameClaim());
            return name != null && USERNAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    public Admission admit(JWTClaimsSet claims, SsoConfig config, String sourceAddress) {
        Optional<String> named = nameOf(claims, config);
        if (named.isEmpty()) {
            return Admission.refused(String.valueOf(claims.getClaim(config.usernameClaim())),
                    "SSO_BAD_NAME: the claim " + config.usernameClaim() + " is not a gateway user name");
        }
        String name = named.get();
        Optional<String> locked = lockout.standing(name, sourceAddress).refused();
        if (locked.isPresent()) {
            return Admission.refused(name, locked.get());
        }
        Optional<GatewayUser> found = users.find(name);
        if (found.isPresent() && !found.get().isFederated()) {
            return Admission.refused(name, "SSO_LOCAL_ACCOUNT: " + name + " is a local or directory account, which single sign-on never opens");
        }
        if (found.isPresent() && !found.get().isEnabled()) {
            return Admission.refused(name, "account disabled");
        }
        if (found.isEmpty() && !config.createUsers()) {
            return Admission.refused(name, "SSO_NOT_PROVISIONED: " + name + " has no account and single sign-on does not create them");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            return Admission.refused(name, IdTokenCheck.REASON + ": the subject is empty or longer than " + MAX_SUBJECT + " characters");
        }
        if (found.isPresent() && !found.get().bindSignOn(config.issuer().toString(), subject)) {
            return Admission.refused(name, "SSO_SUBJECT_CHANGED: the provider's " + name + " (subject " + subject
                    + ") is not the person this account was made for (renamed or re-created at the provider?);"
                    + " an admin may unbind it: DELETE /api/v1/users/" + name + "/sso-binding");
        }
        GatewayUser account = found.orElseGet(() -> {
            GatewayUser made = new GatewayUser(name, Clock.now());
            made.becomeFederatedAccount();
            made.bindSignOn(config.issuer().toString(), subject);
            users.add(made);
            return made;
        });
        Role role = config.role(groupsOf(claims, config));
        if (account.getRole() != role) {
            account.setRole(role);
        }
        return new Admission(account, name, null);
    }

    private static List<String> groupsOf(JWTClaimsSet claims, SsoConfig config) {
        Object value = claims.getClaim(config.rolesClaim());
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast)
                    .map(g -> g.startsWith("/") ? g.substring(g.lastIndexOf('/') + 1) : g).toList();
        }
        return value instanceof String single ? List.of(single) : List.of();
    }
}
