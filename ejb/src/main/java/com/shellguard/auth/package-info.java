/**
 * Who is knocking: people logging in through the gateway's SSH listener (a password or a registered
 * public key), callers of the REST API (HTTP Basic or an API token) and the console's login form. Every
 * password goes through one check ({@link com.shellguard.auth.PasswordLogin}), so each door refuses, counts
 * and audits alike. An unknown account costs as much time as a wrong password, and is locked out after as
 * many failures as a real one, so no door tells an attacker which names exist. The second factor's codes go
 * through {@link com.shellguard.auth.SecondFactorLogin}, into the same lockout.
 *
 * <p>Limits: the per-address throttle counts the address the gateway sees, so behind a reverse proxy or a NAT
 * many people share one (switch it off with a limit of 0 there), and an IPv6 guesser can move through its
 * network's addresses; the per-account lock still holds. Anyone can lock an account by guessing at it; an admin
 * unlocks it. API tokens are not counted: they are random 256-bit values, not guessable.
 */
package com.shellguard.auth;
