/**
 * Target servers, the credentials the gateway logs in with, and host-key pinning. A server's host key is
 * either given by the admin or pinned on first sight; after that any other key refuses the session, because
 * a proxy that trusts a changed key hands the stored credential to whoever answers.
 */
package com.shellguard.server;
