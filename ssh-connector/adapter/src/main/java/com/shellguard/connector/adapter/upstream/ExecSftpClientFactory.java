package com.shellguard.connector.adapter.upstream;

import java.io.IOException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.SftpErrorDataHandler;
import org.apache.sshd.sftp.client.SftpVersionSelector;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.client.fs.SftpFileSystemProvider;
import org.apache.sshd.sftp.client.impl.DefaultSftpClient;
import org.apache.sshd.sftp.client.impl.DefaultSftpClientFactory;

/**
 * MINA's SFTP client, speaking to an sftp-server that a command starts ({@link ExecSftpChannel}): the privileged tier's
 * way to see the target's files as the session's login, not as the privileged account the connection logged in as.
 */
public final class ExecSftpClientFactory extends DefaultSftpClientFactory {

    private final String command;

    private ExecSftpClientFactory(String command) {
        this.command = command;
    }

    /** The SFTP clients of a session: sshd's sftp subsystem for a null {@code command}, else the command's server. */
    public static SftpClientFactory of(String command) {
        return command == null ? SftpClientFactory.instance() : new ExecSftpClientFactory(command);
    }

    /** The target's file system as the SFTP server of {@link #of(String)} sees it. */
    public static SftpFileSystem fileSystem(ClientSession session, String command, int readSize, int writeSize) throws IOException {
        if (command == null) {
            return SftpClientFactory.instance().createSftpFileSystem(session, readSize, writeSize);
        }
        SftpFileSystemProvider provider = new SftpFileSystemProvider((SshClient) session.getFactoryManager(),
                new ExecSftpClientFactory(command), SftpVersionSelector.CURRENT, SftpErrorDataHandler.EMPTY);
        SftpFileSystem fileSystem = provider.newFileSystem(session);
        fileSystem.setReadBufferSize(readSize);
        fileSystem.setWriteBufferSize(writeSize);
        return fileSystem;
    }

    @Override
    protected DefaultSftpClient createDefaultSftpClient(ClientSession session, SftpVersionSelector selector,
                                                        SftpErrorDataHandler errors) throws IOException {
        String server = command;
        return new DefaultSftpClient(session, selector, errors) {
            @Override
            protected ChannelSubsystem createSftpChannelSubsystem(ClientSession target) {
                return new ExecSftpChannel(server);
            }
        };
    }
}
