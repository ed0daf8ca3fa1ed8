/**
 * The SSH listener users connect to: its host key, its authentication (decided by the application, audited
 * once per real outcome), and the hand-over of each accepted channel to a
 * {@link com.shellguard.connector.adapter.session} proxy. A person with a second factor completes the login over
 * keyboard-interactive after the password or key ({@code SecondFactorUserAuthService}).
 *
 * <p>It knows nothing of what a session does after the hand-over, and nothing in {@code session} knows
 * of it: what both read from a connection (the SSH user name's target, the client's address) lives in
 * {@code session}. Limit: forwarding (port, agent, X11) is refused outright; the gateway relays sessions only.
 */
package com.shellguard.connector.adapter.server;
