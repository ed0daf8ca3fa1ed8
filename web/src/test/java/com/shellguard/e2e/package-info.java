/**
 * End-to-end tests: the real OpenSSH client, through a real gateway node started by {@code scripts/run.sh},
 * to a real OpenSSH sshd that the tests start on 127.0.0.1. Interactive sessions are typed into tmux as a
 * person would, and every outcome is checked in the audit through the REST API.
 *
 * <p>The harness classes here ({@link com.shellguard.e2e.TargetServer}, {@link com.shellguard.e2e.GatewayNode},
 * {@link com.shellguard.e2e.Api}, {@link com.shellguard.e2e.OpenSshClient}, {@link com.shellguard.e2e.Terminal})
 * start and drive real processes; none of them imitates a part.
 */
package com.shellguard.e2e;
