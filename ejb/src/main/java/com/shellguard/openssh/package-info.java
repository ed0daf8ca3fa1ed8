/**
 * OpenSSH's public-key format, shared by users' login keys and servers' host keys, read with MINA's own classes
 * ({@code PublicKeyEntry}, {@code KnownHostEntry}). Keys are compared by their decoded blob, never by text, so a comment
 * or a re-encoding cannot make one key look like another, and a key is only accepted once MINA decoded it and encoded it
 * back to the same blob: a truncated, padded or mislabelled paste is refused when it is stored, not discovered when a
 * login or a connection fails.
 */
package com.shellguard.openssh;
