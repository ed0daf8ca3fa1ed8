package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.hook.HookSession;
import com.shellguard.connector.adapter.hook.PrivilegedTier;
import com.shellguard.connector.api.ChannelKind;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;

/**
 * The target channel for each relayed kind of user channel, with the user's terminal and variables: a shell
 * opens a shell, an exec runs its command, other subsystems open the same subsystem (file transfers are not
 * relayed: the gateway serves them itself). Where the
 * session is hooked, a shell or exec runs through the hook's start command instead, which starts the user's
 * shell with the hook loaded. In the privileged tier (connected as the server's privileged account) every kind
 * must run as the session's login: shells, exec and scp through the hook's start under the root supervisor, sftp
 * as the target's sftp-server started as the login ({@link PrivilegedTier#sftpCommand}); another subsystem is
 * refused, since sshd would run it as the privileged account.
 */
final class TargetChannels {

    private TargetChannels() {
    }

    /** Opens the channel asynchronously streamed, within {@code timeout}. */
    static ClientChannel open(ClientSession target, ChannelKind kind, String command, HookSession hook,
                              PrivilegedTier privileged, UserChannel user, Duration timeout) throws IOException {
        if (privileged != null && hook == null && kind != ChannelKind.SFTP) {
            throw new IOException("a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " channel cannot run as " + privileged.asLogin() + " through the privileged account");
        }
        Map<String, String> env = user.forwardedEnvironment();
        PtyChannelConfiguration pty = user.terminalConfiguration();
        ClientChannel channel = switch (kind) {
            case SHELL -> hook == null
                    ? withTerminal(target.createShellChannel(pty, env), user)
                    : withTerminal(target.createExecChannel(hook.startCommand(false), pty, env), user);
            case EXEC -> withTerminal(target.createExecChannel(hook == null ? command : hook.startCommand(true), pty, env), user);
            case SUBSYSTEM -> target.createSubsystemChannel(command);
            case SFTP, SCP -> throw new IllegalArgumentException("file transfers are served by the gateway, not relayed");
            case FORWARDING -> throw new IllegalArgumentException("forwarding opens no session channel");
        };
        channel.setStreaming(ClientChannel.Streaming.Async);
        channel.open().verify(timeout);
        return channel;
    }

    private static ClientChannel withTerminal(PtyCapableChannelSession channel, UserChannel user) {
        channel.setUsePty(user.hasTerminal());
        return channel;
    }
}
