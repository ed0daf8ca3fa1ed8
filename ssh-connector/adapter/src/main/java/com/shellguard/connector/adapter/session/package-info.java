/**
 * One proxied session channel, from the user's request to the target's exit status.
 *
 * <p>A channel request (shell, exec, sftp) becomes a {@link com.shellguard.connector.adapter.session.ProxySession}.
 * Everything that may block — asking the application for a plan, the menu, connecting upstream — runs
 * as JCA work on the container's WorkManager, never on an SSH I/O thread; once the target channel is
 * open, the relay moves bytes asynchronously. A failure at any step ends the channel with one line the
 * user can act on, and is reported for the audit.
 */
package com.shellguard.connector.adapter.session;
