package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.transfer.ScpInvocation;
import com.shellguard.connector.api.ChannelKind;
import java.io.IOException;
import java.util.Optional;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.shell.ShellFactory;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * Turns each shell, exec and sftp request into a proxied session of the matching kind. No exec text is exempt from
 * command control: only an exec that is exactly a legacy scp sink or source ({@link ScpInvocation}) is a file
 * transfer, which the gateway serves itself; everything else, {@code scp x; bash} and {@code rsync --server}
 * included, is an exec like any other.
 */
public final class ProxySessionFactory implements ShellFactory, CommandFactory, SubsystemFactory {

    private final SessionServices services;

    public ProxySessionFactory(SessionServices services) {
        this.services = services;
    }

    @Override
    public Command createShell(ChannelSession channel) {
        return new ProxySession(services, ChannelKind.SHELL, null);
    }

    @Override
    public Command createCommand(ChannelSession channel, String command) throws IOException {
        Optional<ScpInvocation> scp = ScpInvocation.of(command);
        if (scp.isPresent()) {
            return ProxySession.scp(services, channel, command, scp.get());
        }
        return new ProxySession(services, ChannelKind.EXEC, command);
    }

    @Override
    public String getName() {
        return "sftp";
    }

    @Override
    public Command createSubsystem(ChannelSession channel) throws IOException {
        return ProxySession.sftp(services, channel);
    }
}
