package com.shellguard.access;

/**
 * A step the webhook at {@code url} is told of ({@code requested}, {@code approved}, {@code denied}, {@code expired}),
 * with the body to send and the secret to sign it with (null: unsigned); fired inside the step's transaction and
 * delivered only once it committed.
 */
record AccessNotice(String event, String body, String url, String secret) {
}
