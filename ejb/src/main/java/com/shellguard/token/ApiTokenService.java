package com.shellguard.token;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** Issuing, listing and revoking API tokens. */
@Stateless
public class ApiTokenService {

    @Inject
    AdminChangeRecorder changes;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ApiTokenRepository tokens;

    public IssuedToken issue(String name, String owner) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name is required");
        }
        if (name.length() > 128) {
            throw new ValidationException("name must be at most 128 characters");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = "sgt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken(name, owner, value, Clock.now());
        tokens.add(token);
        changes.record("token", token.getId(), "issue", null, fields(token));
        return new IssuedToken(token, value);
    }

    /** A token as the admin audit shows it: its name and owner; its value is never anywhere but in the answer to its issue. */
    private static ChangeFields fields(ApiToken token) {
        return ChangeFields.of().put("name", token.getName()).put("owner", token.getOwner());
    }

    public List<ApiToken> list() {
        return tokens.all();
    }

    public void revoke(String id) {
        ApiToken token = tokens.find(id).orElseThrow(() -> new NotFoundException("no token " + id));
        changes.record("token", id, "revoke", fields(token), null);
        tokens.remove(token);
    }
}
