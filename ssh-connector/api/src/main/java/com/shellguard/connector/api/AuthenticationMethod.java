package com.shellguard.connector.api;

/**
 * How a client authenticates. {@link #TOTP} is the second factor, a code (or a recovery code) answered to the
 * keyboard-interactive "Verification code:" prompt after a password or key was accepted; its secret is the code.
 * {@link #SSO} is a single sign-on at the identity provider, over keyboard-interactive ({@link DeviceLogin}).
 */
public enum AuthenticationMethod {
    PASSWORD, PUBLICKEY, KEYBOARD_INTERACTIVE, NONE, TOTP, SSO
}
