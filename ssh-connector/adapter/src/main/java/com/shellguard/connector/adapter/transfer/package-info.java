/**
 * File transfers terminated at the gateway, so that every file is seen: the user's {@code sftp} subsystem is
 * served by MINA SSHD's SFTP server, a legacy scp sink or source ({@link
 * com.shellguard.connector.adapter.transfer.ScpInvocation}, strictly parsed) by MINA's scp, both over the target
 * as MINA's SFTP client sees it through the session's own upstream connection, as the session's login
 * ({@link com.shellguard.connector.adapter.transfer.FileTransferServer}). No SFTP or scp protocol is parsed here.
 *
 * <p>Every operation that changes the target's tree passes {@link
 * com.shellguard.connector.adapter.transfer.ProtectedFiles} first (through MINA's file-access and file-opener
 * hooks), which refuses changes to the login's startup and key files as the target resolves their paths. Every
 * file opened and every tree change becomes a {@code FileTransfer} for the audit, from MINA's SFTP and scp event
 * listeners, delivered to the application as work ({@link com.shellguard.connector.adapter.transfer.TransferLog}).
 * A failed request is answered with a status code of the protocol version the client negotiated
 * ({@link com.shellguard.connector.adapter.transfer.StatusForClientVersion}): version 3, which every common client
 * speaks, knows nine.
 *
 * <p>Limits: rsync, and any exec that is not exactly an scp sink or source, is not a transfer here; it runs as
 * an ordinary hooked exec, its program start audited and its files not. The protected-files check and the
 * operation are two requests to the target, so a process of the login racing them with a symlink swap can win;
 * such a process can write the files directly anyway. Throughput: MINA's SFTP server handles one session's
 * requests one after the other, each a round trip to the target; downloads read in order are fetched ahead
 * ({@link com.shellguard.connector.adapter.transfer.ReadAheadChannel}), uploads are written one request at a
 * time, so an upload through the gateway is bounded by the target's latency rather than by the relay's windows.
 */
package com.shellguard.connector.adapter.transfer;
