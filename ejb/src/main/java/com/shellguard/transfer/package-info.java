/**
 * The file-transfer audit: one row per file a terminated SFTP or legacy scp transfer opened (direction, bytes,
 * result) and per change to the target's tree, refused ones included, each refusal also an alert. Rows come
 * from the connector ({@code GatewayListener.recordTransfers}) and are only read afterwards.
 *
 * <p>Limit: transfers the gateway does not terminate (rsync, or scp and cat run as ordinary exec commands) have
 * no rows here; their program start is in the command audit.
 */
package com.shellguard.transfer;
