package com.shellguard.connector.adapter.upstream;

/** A target could not be reached or refused the gateway; the message is the line the user is shown. */
public class UpstreamException extends Exception {

    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
