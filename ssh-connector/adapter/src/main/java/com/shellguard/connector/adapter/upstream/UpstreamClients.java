package com.shellguard.connector.adapter.upstream;

import com.shellguard.connector.adapter.hook.HookChannelFactory;
import com.shellguard.connector.adapter.relay.TransferTuning;
import java.util.List;
import org.apache.sshd.client.SshClient;

/**
 * The one place the gateway's SSH client is configured, for sessions and for "test connection" alike: every
 * connection's host key goes to the judge of its {@link UpstreamAttempt}, and its host-key algorithms are narrowed
 * to the attempt's types. What a test reports is therefore what a session would meet.
 */
final class UpstreamClients {

    private UpstreamClients() {
    }

    /** A started client; the caller stops it. */
    static SshClient start() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new ProvenHostKeyVerifier());
        client.addSessionListener(new HostKeyTypeFilter());
        // the remote forwards the gateway asks for: its hooks' report channels, and users' forwards (ssh -R)
        client.setChannelFactories(List.of(new ForwardedTcpipChannels(new HookChannelFactory())));
        TransferTuning.apply(client);
        client.start();
        return client;
    }
}
