/**
 * Connections from the gateway to target servers. Every connection verifies the target's host key
 * through the application (pinned, or pinned on first sight) before any credential is sent, and every
 * failure becomes one line a user can act on: unreachable, changed host key, refused credentials.
 */
package com.shellguard.connector.adapter.upstream;
