/**
 * The audit of port forwarding: one {@link com.shellguard.forwarding.ForwardRecord} per forwarded connection (and per
 * refused or failed forward), written when it ends, as the connector reports it. What a grant allows is in
 * {@code grant}; the forwarding itself happens in the connector, through the target.
 *
 * <p>Limit: a connection still open when its node stops has no row.
 */
package com.shellguard.forwarding;
