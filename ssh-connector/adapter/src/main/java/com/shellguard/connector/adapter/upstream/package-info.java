/**
 * Connections from the gateway to target servers. Every connection proves the target's host key against the
 * server's pinned keys (as OpenSSH's {@code known_hosts}: any number, any type) before any credential is sent, and
 * negotiates only the pinned keys' types, so a server holding keys of several types always proves a pinned one. On
 * first contact every key the server proves is pinned, one key exchange per type, as {@code ssh-keyscan} learns them.
 * The client is configured in one place ({@link com.shellguard.connector.adapter.upstream.UpstreamClients}), and the
 * application's "test connection" scans with the same configuration. Every failure becomes one line a user can act on:
 * unreachable, changed host key, refused credentials.
 *
 * <p>Every session channel is a connection of its own, so a client opening many channels at once would make the
 * gateway open many connections to one server at once; {@link com.shellguard.connector.adapter.upstream.HandshakeSlots}
 * keeps a node's handshakes per server below sshd's default {@code MaxStartups}, and a connection the server closes
 * before its banner (sshd dropping it) is tried again.
 */
package com.shellguard.connector.adapter.upstream;
