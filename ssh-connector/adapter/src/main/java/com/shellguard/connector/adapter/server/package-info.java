/**
 * The SSH listener users connect to: its host key, its authentication (decided by the application, audited
 * once per real outcome), and the hand-over of each accepted channel to a
 * {@link com.shellguard.connector.adapter.session} proxy. A person with a second factor completes the login over
 * keyboard-interactive after the password or key ({@code SecondFactorUserAuthService}).
 *
 * <p>It knows nothing of what a session does after the hand-over, and nothing in {@code session} knows
 * of it: what both read from a connection (the SSH user name's target, the client's address) lives in
 * {@code session}. Port forwarding is handed to {@code forward}; agent and X11 forwarding are refused outright.
 */
package com.shellguard.connector.adapter.server;
