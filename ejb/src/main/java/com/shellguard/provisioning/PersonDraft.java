package com.shellguard.provisioning;

import com.shellguard.user.EmailAddress;
import java.util.List;

/**
 * A person as an identity provider sends it (a SCIM User made plain). On a replace, {@code externalId},
 * {@code displayName} and {@code emails} absent mean cleared; {@code active} and {@code password} absent mean unchanged
 * (a password is never read back, so a client cannot resend it).
 */
public record PersonDraft(String userName, String externalId, String displayName, List<EmailAddress> emails,
                          Boolean active, String password) {

    @Override
    public String toString() {
        return "PersonDraft[" + userName + "]";
    }
}
