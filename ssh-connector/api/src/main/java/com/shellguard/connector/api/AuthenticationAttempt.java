package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * A credential offered by a client. {@code secret} is the password for {@link AuthenticationMethod#PASSWORD}
 * and the public key in OpenSSH {@code authorized_keys} form for {@link AuthenticationMethod#PUBLICKEY}.
 */
public record AuthenticationAttempt(String user, AuthenticationMethod method, String secret, String sourceAddress)
        implements Serializable {

    @Override
    public String toString() {
        return "AuthenticationAttempt[user=" + user + ", method=" + method + ", source=" + sourceAddress + "]";
    }
}
