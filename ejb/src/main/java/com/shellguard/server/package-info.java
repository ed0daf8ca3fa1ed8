/**
 * Target servers, the credentials the gateway logs in with, and host-key pinning. A server's host keys are kept as
 * OpenSSH's {@code known_hosts} keeps a host's: a set of any number and type, given by the admin (a key, several, or
 * {@code ssh-keyscan} output) or pinned on first contact, when the connector learns every key the server proves and
 * all are pinned at once (an alert says so). After that a key that is not pinned refuses the session, because a proxy
 * that trusts a changed key hands the stored credential to whoever answers. Limits: a first contact trusts whoever
 * answers it, as OpenSSH's does; a key the server adds later (a new type) is not learned until the admin pins it or
 * forgets the pinned keys, since sessions negotiate only the pinned types.
 */
package com.shellguard.server;
