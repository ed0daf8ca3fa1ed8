package com.shellguard.connector.adapter.transfer;

import com.shellguard.connector.adapter.upstream.ExecSftpClientFactory;
import java.io.IOException;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.file.FileSystemAware;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.scp.server.ScpCommandFactory;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionAware;
import org.apache.sshd.server.channel.PipeDataReceiver;
import org.apache.sshd.server.command.AsyncCommandStreamsAware;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSessionAware;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.LoggerFactory;

/**
 * A file transfer the gateway terminates: MINA's own SFTP server, or its legacy scp command, serving the user's
 * channel over the target seen through MINA's SFTP client, as the session's login. The server is made when the
 * user's channel asks for it, so that it takes the channel's input from the first byte (MINA holds requests
 * that arrive meanwhile), and started once the session's target is connected.
 */
public final class FileTransferServer {

    private static final Logger LOG = Logger.getLogger(FileTransferServer.class.getName());
    /** Bytes per SFTP read and write request to the target: OpenSSH's sftp-server answers up to 256 KiB. */
    private static final int TARGET_IO_SIZE = 255 * 1024;
    /** scp's copy buffers towards the user. */
    private static final int SCP_BUFFER = 128 * 1024;

    private final ChannelSession channel;
    private final Command command;
    private final ProtectedFiles protectedFiles;
    private volatile SftpFileSystem target;

    /** MINA hands the channel's session to the command it runs, which is ours: this server passes it on. */
    private FileTransferServer(ChannelSession channel, Command command, ProtectedFiles protectedFiles) {
        this.channel = channel;
        this.command = command;
        this.protectedFiles = protectedFiles;
        if (command instanceof ServerSessionAware aware) {
            aware.setSession(channel.getServerSession());
        }
        if (command instanceof ChannelSessionAware aware) {
            aware.setChannelSession(channel);
        }
    }

    /** MINA's SFTP server for the user's {@code sftp} subsystem. */
    public static FileTransferServer sftp(ChannelSession channel, TransferLog log) throws IOException {
        ProtectedFiles protectedFiles = new ProtectedFiles();
        SftpSubsystemFactory factory = new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(new GuardedSftpAccess(protectedFiles))
                .withSftpErrorStatusDataHandler(new StatusForClientVersion()).build();
        factory.addSftpEventListener(new SftpFileAudit(log));
        return new FileTransferServer(channel, factory.createSubsystem(channel), protectedFiles);
    }

    /**
     * MINA's scp for a legacy scp sink or source. It reads and writes blocking streams: the channel's input goes to
     * it through a pipe installed now, before any arrives.
     */
    public static FileTransferServer scp(ChannelSession channel, ScpInvocation invocation, TransferLog log) throws IOException {
        ProtectedFiles protectedFiles = new ProtectedFiles();
        ScpCommandFactory factory = new ScpCommandFactory.Builder()
                .withFileOpener(new GuardedScpOpener(protectedFiles, log))
                .withSendBufferSize(SCP_BUFFER).withReceiveBufferSize(SCP_BUFFER)
                .addEventListener(new ScpFileAudit(log)).build();
        Command scp = factory.createCommand(channel, invocation.command());
        PipeDataReceiver input = new PipeDataReceiver(channel, channel.getLocalWindow());
        channel.setDataReceiver(input);
        scp.setInputStream(input.getIn());
        scp.setOutputStream(new ChannelOutputStream(channel, channel.getRemoteWindow(),
                LoggerFactory.getLogger(FileTransferServer.class), SshConstants.SSH_MSG_CHANNEL_DATA, false));
        scp.setErrorStream(new ChannelOutputStream(channel, channel.getRemoteWindow(),
                LoggerFactory.getLogger(FileTransferServer.class), SshConstants.SSH_MSG_CHANNEL_EXTENDED_DATA, false));
        return new FileTransferServer(channel, scp, protectedFiles);
    }

    /** The user's channel's output stream, for a server that writes asynchronously (SFTP). */
    public void setIoOutputStream(IoOutputStream out) {
        if (command instanceof AsyncCommandStreamsAware streams) {
            streams.setIoOutputStream(out);
        }
    }

    /** The user's channel's error stream, for a server that writes asynchronously (SFTP). */
    public void setIoErrorStream(IoOutputStream err) {
        if (command instanceof AsyncCommandStreamsAware streams) {
            streams.setIoErrorStream(err);
        }
    }

    /**
     * Serves the transfer over {@code session}, the session's connection to its target; {@code exit} gets the
     * transfer's exit status when it ends. {@code sftpCommand}: null to reach the target's files through sshd's sftp
     * subsystem as the connection's account, else the command that starts an sftp-server as the session's login
     * (the privileged tier, whose connection is the privileged account's).
     */
    public void start(ClientSession session, String sftpCommand, Environment env, IntConsumer exit) throws IOException {
        SftpFileSystem fileSystem = ExecSftpClientFactory.fileSystem(session, sftpCommand, TARGET_IO_SIZE, TARGET_IO_SIZE);
        target = fileSystem;
        protectedFiles.attach(fileSystem);
        ((FileSystemAware) command).setFileSystem(fileSystem);
        command.setExitCallback((status, message, closeImmediately) -> {
            closeTarget();
            exit.accept(status);
        });
        command.start(channel, env);
    }

    /** The user's channel is gone: the server stops, the target's file system closes. */
    public void destroy() {
        try {
            command.destroy(channel);
        } catch (Exception e) {
            LOG.log(Level.FINE, "the file transfer did not stop cleanly", e);
        }
        closeTarget();
    }

    private void closeTarget() {
        SftpFileSystem fileSystem = target;
        if (fileSystem != null) {
            try {
                fileSystem.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "the target's file system did not close cleanly", e);
            }
        }
    }
}
