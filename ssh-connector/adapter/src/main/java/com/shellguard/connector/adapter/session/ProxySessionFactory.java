package com.shellguard.connector.adapter.session;

import com.shellguard.connector.api.ChannelKind;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.shell.ShellFactory;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/** Turns each shell, exec and sftp request into a proxied session of the matching kind. */
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
    public Command createCommand(ChannelSession channel, String command) {
        ChannelKind kind = command.startsWith("scp ") ? ChannelKind.SCP : ChannelKind.EXEC;
        return new ProxySession(services, kind, command);
    }

    @Override
    public String getName() {
        return "sftp";
    }

    @Override
    public Command createSubsystem(ChannelSession channel) {
        return new ProxySession(services, ChannelKind.SFTP, "sftp");
    }
}
