package com.shellguard.connector.adapter.upstream;

import java.io.IOException;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * An SFTP client channel whose server is a command, not sshd's sftp subsystem: in the privileged tier the connection
 * is the privileged account's, and sshd would run its subsystem as that account, so the target's sftp-server is
 * started as the session's login by a command instead ({@code PrivilegedTier#sftpCommand}). MINA's SFTP client only
 * opens subsystem channels; this one sends an {@code exec} request where the subsystem request would go (the reply
 * is matched by order, so the client's bookkeeping stays right) and is otherwise MINA's own channel.
 */
final class ExecSftpChannel extends ChannelSubsystem {

    private final String command;
    private boolean nextRequestIsTheSubsystem;

    ExecSftpChannel(String command) {
        super("sftp");
        this.command = command;
    }

    @Override
    protected void sendEnvVariables(Session session) throws IOException {
        super.sendEnvVariables(session);
        nextRequestIsTheSubsystem = true;
    }

    @Override
    public IoWriteFuture writePacket(Buffer buffer) throws IOException {
        if (!nextRequestIsTheSubsystem) {
            return super.writePacket(buffer);
        }
        nextRequestIsTheSubsystem = false;
        Buffer exec = getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, command.length() + Integer.SIZE);
        exec.putUInt(getRecipient());
        exec.putString(Channel.CHANNEL_EXEC);
        exec.putBoolean(CoreModuleProperties.REQUEST_SUBSYSTEM_REPLY.getRequired(this)); // as the request it replaces
        exec.putString(command);
        return super.writePacket(exec);
    }
}
