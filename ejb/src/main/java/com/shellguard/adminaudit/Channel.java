package com.shellguard.adminaudit;

/** The door a change came through. */
public enum Channel {
    API, CONSOLE, SCIM
}
