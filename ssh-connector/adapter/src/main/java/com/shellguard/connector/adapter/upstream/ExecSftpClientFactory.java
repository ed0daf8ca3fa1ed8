package com.shellguard.connector.adapter.upstream;

import java.io.IOException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.SftpErrorDataHandler;
import org.apache.sshd.sftp.client.SftpVersionSelector;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.client.fs.SftpFileSystemProvider;
import org.apache.sshd.sftp.client.impl.DefaultSftpClient;
import org.apache.sshd.sftp.client.impl.DefaultSftpClientFactory;

/**
 * MINA's SFTP client, speaking to an sftp-server that a command starts: the privileged tier's way to see the target's
 * files as the session's login, not as the privileged account the connection logged in as (sshd runs its sftp
 * subsystem as the connection's account). MINA's client only opens subsystem channels; its channel here sends an
 * {@code exec} request where the subsystem request would go (the reply is matched by order, so the client's
 * bookkeeping stays right) and is otherwise MINA's own.
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
        return new ExecSftpClient(session, selector, errors);
    }

    /** An inner class: its factory, and so the command, is set before DefaultSftpClient's constructor asks for the channel. */
    private final class ExecSftpClient extends DefaultSftpClient {

        ExecSftpClient(ClientSession session, SftpVersionSelector selector, SftpErrorDataHandler errors) throws IOException {
            super(session, selector, errors);
        }

        @Override
        protected ChannelSubsystem createSftpChannelSubsystem(ClientSession session) {
            return new ExecChannel();
        }

        /** MINA's SFTP channel, whose first request, the subsystem's, becomes an exec of the command. */
        private final class ExecChannel extends SftpChannelSubsystem {

            private boolean nextIsTheSubsystemRequest;

            @Override
            protected void doOpen() throws IOException {
                nextIsTheSubsystemRequest = true;
                super.doOpen();
            }

            @Override
            public IoWriteFuture writePacket(Buffer buffer) throws IOException {
                if (!nextIsTheSubsystemRequest) {
                    return super.writePacket(buffer);
                }
                nextIsTheSubsystemRequest = false;
                Buffer exec = getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, command.length() + Integer.SIZE);
                exec.putUInt(getRecipient());
                exec.putString(Channel.CHANNEL_EXEC);
                exec.putBoolean(CoreModuleProperties.REQUEST_SUBSYSTEM_REPLY.getRequired(this)); // as the request it replaces
                exec.putString(command);
                return super.writePacket(exec);
            }
        }
    }
}
