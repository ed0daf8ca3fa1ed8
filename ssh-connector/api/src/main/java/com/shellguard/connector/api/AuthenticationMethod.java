package com.shellguard.connector.api;

public enum AuthenticationMethod {
    PASSWORD, PUBLICKEY, KEYBOARD_INTERACTIVE, NONE
}
