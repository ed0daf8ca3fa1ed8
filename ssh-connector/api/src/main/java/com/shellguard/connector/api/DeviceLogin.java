package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * A single sign-on over SSH (OAuth 2.0 device authorization grant, RFC 8628) as the application sees it at one
 * moment. {@link GatewayListener#startDeviceLogin} answers {@link Status#NOT_OFFERED} when no provider is configured,
 * {@link Status#REFUSED}, or {@link Status#WAITING} with what
 * the person is shown: where to sign in and the short code to enter there. {@code deviceCode} is the secret the
 * gateway polls the provider with; it never reaches the client. {@link GatewayListener#pollDeviceLogin} answers
 * {@link Status#WAITING} (with the interval to wait before asking again), {@link Status#ACCEPTED} or
 * {@link Status#REFUSED}, whose {@code reason} is for the audit and for the person, who has signed in or tried to.
 */
public record DeviceLogin(Status status, String reason, String deviceCode, String verificationUri,
                          String verificationUriComplete, String userCode, int intervalSeconds, int expiresInSeconds)
        implements Serializable {

    public enum Status {
        NOT_OFFERED, WAITING, ACCEPTED, REFUSED
    }

    public static DeviceLogin notOffered() {
        return new DeviceLogin(Status.NOT_OFFERED, null, null, null, null, null, 0, 0);
    }

    public static DeviceLogin refused(String reason) {
        return new DeviceLogin(Status.REFUSED, reason, null, null, null, null, 0, 0);
    }

    public static DeviceLogin accepted() {
        return new DeviceLogin(Status.ACCEPTED, null, null, null, null, null, 0, 0);
    }

    public static DeviceLogin waiting(String deviceCode, String verificationUri, String verificationUriComplete,
                                      String userCode, int intervalSeconds, int expiresInSeconds) {
        return new DeviceLogin(Status.WAITING, null, deviceCode, verificationUri, verificationUriComplete, userCode,
                intervalSeconds, expiresInSeconds);
    }

    /** Still waiting for the person; ask again after this many seconds. */
    public static DeviceLogin pending(int intervalSeconds) {
        return new DeviceLogin(Status.WAITING, null, null, null, null, null, intervalSeconds, 0);
    }

    @Override
    public String toString() {
        return "DeviceLogin[" + status + (reason == null ? "" : ", " + reason) + (userCode == null ? "" : ", code " + userCode) + "]";
    }
}
