/**
 * Just-in-time access. A person files an {@link com.shellguard.access.AccessRequest} for a login they lack (REST, the
 * SSH menu or the console's own page); an admin, or a member of the approver group of one of the server's labels
 * ({@link com.shellguard.access.AccessApprovers}), approves it, which makes a grant with an expiry, or denies it;
 * nobody decides their own. {@link com.shellguard.access.AccessExpiryTimer} ends expired grants and, through the
 * same termination requests an administrator's "terminate" uses, the live sessions that relied on them, with a
 * line that says why. Every step is an {@link com.shellguard.access.AccessEvent} and a webhook notice
 * ({@link com.shellguard.access.AccessNotifier}), queued in the audit export's outbox with the step itself. A person
 * may withdraw a pending request, and deleting a person withdraws theirs.
 *
 * <p>Limits: a grant deleted by hand ends no session; the expiry is seen within the
 * timer's period (2 s) plus the node's termination poll.
 */
package com.shellguard.access;
