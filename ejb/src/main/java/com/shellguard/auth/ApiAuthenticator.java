package com.shellguard.auth;

import com.shellguard.common.Clock;
import com.shellguard.directory.DirectoryUnavailableException;
import com.shellguard.token.ApiToken;
import com.shellguard.token.ApiTokenRepository;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns an {@code Authorization} header into an {@link ApiCaller}: HTTP Basic with an account's password,
 * or {@code Bearer sgt_...} with an API token, which acts as its owner. Only admins and auditors are callers:
 * a right password or token of any other account is refused exactly like a wrong one, so the answer does not
 * tell a guesser that the password was right. Every refusal is audited with its precise reason. A directory that
 * cannot check a password is a {@link DirectoryUnavailableException} (a 503), not a refusal of the credential.
 *
 * <p>One exception: a request about the caller's own second-factor enrolment ({@code users/NAME/totp}) admits every
 * role ({@link LoginDoor#ENROLMENT}), so a person enrols with their own password and nobody else sees the secret.
 */
@Stateless
public class ApiAuthenticator {

    @Inject
    UserRepository users;

    @Inject
    ApiTokenRepository tokens;

    @Inject
    PasswordLogin passwords;

    @Inject
    AuthenticationService audit;

    /** The caller a header names, or empty; {@code sourceAddress} ({@code host:port}) is counted and audited. */
    public Optional<ApiCaller> authenticate(String authorization, String sourceAddress) {
        return authenticate(authorization, sourceAddress, null);
    }

    /**
     * As {@link #authenticate(String, String)}, for a request about {@code ownEnrolmentOf}'s second factor: that
     * account itself is let in whatever its role; anyone else needs a role of the REST API as always.
     */
    public Optional<ApiCaller> authenticate(String authorization, String sourceAddress, String ownEnrolmentOf) {
        return authenticate(authorization, sourceAddress, ownEnrolmentOf, ownEnrolmentOf == null ? LoginDoor.API : LoginDoor.ENROLMENT);
    }

    /**
     * As {@link #authenticate(String, String)}, for the access-request endpoints, which every enabled account may use
     * (a person files and follows their own requests; the endpoints decide the rest).
     */
    public Optional<ApiCaller> authenticateRequester(String authorization, String sourceAddress) {
        return authenticate(authorization, sourceAddress, null, LoginDoor.REQUESTS);
    }

    private Optional<ApiCaller> authenticate(String authorization, String sourceAddress, String ownEnrolmentOf, LoginDoor door) {
        if (authorization == null) {
            return Optional.empty();
        }
        Optional<ApiCaller> caller;
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            caller = basic(authorization.substring(6).trim(), sourceAddress, door);
        } else if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = bearer(authorization.substring(7).trim(), sourceAddress, door);
        } else {
            audit.apiLoginRefused(null, sourceAddress, "unsupported Authorization scheme");
            return Optional.empty();
        }
        if (caller.isPresent() && door == LoginDoor.ENROLMENT && !caller.get().name().equals(ownEnrolmentOf)
                && !LoginDoor.API.admits(caller.get().role())) {
            audit.apiLoginRefused(caller.get().name(), sourceAddress, "right credential, but role " + caller.get().role()
                    + " may enrol only its own second factor");
            return Optional.empty();
        }
        return caller;
    }

    private Optional<ApiCaller> basic(String encoded, String sourceAddress, LoginDoor door) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            audit.apiLoginRefused(null, sourceAddress, "malformed Basic credential");
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            audit.apiLoginRefused(null, sourceAddress, "malformed Basic credential");
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        PasswordCheck check = passwords.check(name, decoded.substring(colon + 1), sourceAddress, door);
        if (!check.isAccepted()) {
            audit.apiLoginRefused(name, sourceAddress, check.refusal());
            if (check.directoryUnavailable()) {
                throw new DirectoryUnavailableException("the directory cannot be reached to check the password; try again shortly", null);
            }
        }
        return check.caller();
    }

    private Optional<ApiCaller> bearer(String value, String sourceAddress, LoginDoor door) {
        Optional<ApiToken> token = tokens.findByValue(value);
        if (token.isEmpty()) {
            audit.apiLoginRefused(null, sourceAddress, "unknown API token");
            return Optional.empty();
        }
        OffsetDateTime now = Clock.now();
        String owner = token.get().getOwner();
        if (token.get().isExpiredAt(now)) {
            audit.apiLoginRefused(owner, sourceAddress, "API token \"" + token.get().getName() + "\" expired at " + token.get().getExpires());
            return Optional.empty();
        }
        token.get().used(now, hostOf(sourceAddress));
        Optional<GatewayUser> account = users.find(owner);
        String refusal = account.isEmpty() ? "API token of a removed account" : !account.get().isEnabled() ? "API token of a disabled account"
                : !door.admits(account.get().getRole()) ? "API token, but role " + account.get().getRole() + " may not use the REST API"
                : null;
        if (refusal != null) {
            audit.apiLoginRefused(owner, sourceAddress, refusal);
            return Optional.empty();
        }
        return account.map(a -> ApiCaller.of(a, token.get().getScopes(), token.get().getName()));
    }

    /** {@code host:port} without the port, which changes with every connection and says nothing of the client. */
    private static String hostOf(String sourceAddress) {
        if (sourceAddress == null) {
            return null;
        }
        int colon = sourceAddress.lastIndexOf(':');
        return colon > 0 ? sourceAddress.substring(0, colon) : sourceAddress;
    }
}
