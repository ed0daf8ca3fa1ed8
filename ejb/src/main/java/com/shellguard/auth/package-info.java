/**
 * Who is knocking: people logging in through the gateway's SSH listener (a password or a registered
 * public key) and callers of the REST API (HTTP Basic or an API token). An unknown account costs as much
 * time as a wrong password, so neither door tells an attacker which names exist.
 */
package com.shellguard.auth;
