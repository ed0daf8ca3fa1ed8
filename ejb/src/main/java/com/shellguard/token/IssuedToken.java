package com.shellguard.token;

/** A token just created, with its value: the only moment the value exists outside the caller's hands. */
public record IssuedToken(ApiToken token, String value) {

    @Override
    public String toString() {
        return "IssuedToken[" + token.getId() + "]";
    }
}
