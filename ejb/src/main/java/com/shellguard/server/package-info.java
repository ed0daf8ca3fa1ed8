/**
 * Target servers, the credentials the gateway logs in with, and host-key pinning. A server's host keys are kept as
 * OpenSSH's {@code known_hosts} keeps a host's: a set of any number and type, given by the admin (a key, several, or
 * {@code ssh-keyscan} output) or pinned on first contact, when the connector learns every key the server proves and
 * all are pinned at once (an alert says so). After that a key that is not pinned refuses the session, because a proxy
 * that trusts a changed key hands the stored credential to whoever answers. Limits: a first contact trusts whoever
 * answers it, as OpenSSH's does; a key the server adds later (a new type) is not learned until the admin pins it or
 * forgets the pinned keys, since sessions negotiate only the pinned types.
 *
 * <p>The same trust-on-first-sight for each login's startup and key files ({@link com.shellguard.server.StartupFile},
 * {@link com.shellguard.server.StartupFileService}): their SHA-256 as the first session read them is pinned, a later
 * difference is a {@code STARTUP_FILE_CHANGED} alert (a strict server's sessions are then refused by the connector)
 * until an admin accepts the state sessions found. Limit: it detects, it cannot prevent; the files have run before
 * anyone reads them, and can answer for themselves where the target's SFTP server is started through the login's
 * shell.
 */
package com.shellguard.server;
