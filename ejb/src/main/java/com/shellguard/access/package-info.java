/**
 * Just-in-time access. A person files an {@link com.shellguard.access.AccessRequest} for a login they lack (REST or
 * the SSH menu); an admin, or a member of the approver group of one of the server's labels
 * ({@link com.shellguard.access.AccessApprovers}), approves it, which makes a grant with an expiry, or denies it;
 * nobody decides their own. {@link com.shellguard.access.AccessExpiryTimer} ends expired grants and, through the
 * same termination requests an administrator's "terminate" uses, the live sessions that relied on them, with a
 * line that says why. Every step is an {@link com.shellguard.access.AccessEvent} and a webhook notice
 * ({@link com.shellguard.access.AccessWebhook}).
 *
 * <p>Limits: the webhook is best effort (three attempts, no outbox: a notice lost with a stopping node is not
 * resent; the events table is the record); a grant deleted by hand ends no session; the expiry is seen within the
 * timer's period (2 s) plus the node's termination poll.
 */
package com.shellguard.access;
