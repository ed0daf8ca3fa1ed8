/**
 * Port forwarding as a grant allows it: {@code ssh -L} and {@code ssh -D} (both {@code direct-tcpip} channels, which
 * the gateway cannot tell apart), {@code ssh -R} ({@code tcpip-forward}), each forwarded connection audited.
 *
 * <p>Forwarding happens from the target's point of view: a client connection's first forward opens a session of
 * its own ({@link com.shellguard.connector.adapter.forward.ForwardingSession}) with one upstream connection as the
 * login the user name names, and each forwarded connection is a channel on it ({@code direct-tcpip} opened there, or
 * {@code forwarded-tcpip} coming back from a remote forward), so the target's sshd policy ({@code AllowTcpForwarding},
 * {@code PermitOpen}, {@code PermitListen}) applies too. The gateway never connects anywhere itself. The grants'
 * {@code forwardTo} destinations are checked before anything is opened; a refusal is an SSH channel open failure
 * whose text the client prints, and an audit row.
 *
 * <p>Bytes move with the relay package's pumps ({@link com.shellguard.connector.adapter.forward.Tunnel}): asynchronous,
 * no thread per connection, the SSH windows of both connections carrying the back-pressure.
 *
 * <p>Limits: the grants are read once, when a client connection's forwarding session opens; a forwarded connection
 * is audited when it ends (one still open when the node stops is not); a refused {@code ssh -R} can only be
 * answered "failed" (SSH gives the reply no text), its reason is in the audit.
 */
package com.shellguard.connector.adapter.forward;
