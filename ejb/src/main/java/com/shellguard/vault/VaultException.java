package com.shellguard.vault;

public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }
}
