package com.shellguard.connector.api;

import java.io.Serializable;

/** The decrypted credential for one login on a server: a password or an OpenSSH/PEM private key. */
public record UpstreamCredential(Kind kind, String secret) implements Serializable {

    public enum Kind { PASSWORD, PRIVATE_KEY }

    @Override
    public String toString() {
        return "UpstreamCredential[" + kind + "]";
    }
}
