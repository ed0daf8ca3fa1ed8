package com.shellguard.connector.adapter.server;

import com.shellguard.connector.adapter.forward.Forwarding;
import com.shellguard.connector.adapter.hook.HookInstaller;
import com.shellguard.connector.adapter.recording.Recordings;
import com.shellguard.connector.adapter.relay.TransferTuning;
import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.adapter.runtime.GatewaySettings;
import com.shellguard.connector.adapter.session.ConnectionSteps;
import com.shellguard.connector.adapter.session.LiveSessions;
import com.shellguard.connector.adapter.session.ProxySessionFactory;
import com.shellguard.connector.adapter.session.SessionServices;
import com.shellguard.connector.adapter.upstream.UpstreamConnector;
import com.shellguard.connector.api.GatewayListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import java.time.Duration;

/**
 * The listener users connect to. Password and public-key logins are decided by the application;
 * keyboard-interactive is the second factor's prompt, offered after one of them succeeded for a person who has
 * one ({@link SecondFactorUserAuthService}), so the stock client asks for the password itself; with an identity
 * provider configured it is also offered first, to every name alike, for single sign-on or a password typed at the
 * same prompt ({@link DeviceSignOn}), after which the client may go on to the password method. Port forwarding goes
 * through the target as the user's grants allow ({@link Forwarding}); agent and X11 forwarding are refused.
 */
public final class GatewaySshServer {

    private final SshServer sshd;

    public GatewaySshServer(GatewaySettings settings, GatewayListener listener, UpstreamConnector upstream,
                            HookInstaller hooks, BlockingWork work, Recordings recordings, LiveSessions live) throws IOException {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost(settings.bindAddress());
        sshd.setPort(settings.sshPort());
        sshd.setKeyPairProvider(hostKey(settings.hostKeyFile()));
        DeviceSignOn devices = settings.singleSignOn() ? new DeviceSignOn(listener, work, settings.singleSignOnWait()) : null;
        ConnectionLimits limits = ConnectionLimits.fromEnvironment();
        Duration loginTime = limits.authenticationTime();
        if (devices != null && !loginTime.isZero()) { // a person signing in at the provider may take longer than a login
            Duration wait = settings.singleSignOnWait().plusMinutes(1);
            loginTime = wait.compareTo(loginTime) > 0 ? wait : loginTime;
        }
        LimitAudit limitAudit = new LimitAudit(listener, work);
        TrustedBalancers balancers = TrustedBalancers.fromEnvironment();
        AdmissionControl admission = new AdmissionControl(limits, balancers, limitAudit, loginTime);
        if (balancers.any()) {
            sshd.setServerProxyAcceptor(new ProxyProtocolAcceptor(balancers, admission));
        }
        GatewayAuthenticator authenticator = new GatewayAuthenticator(listener, work, devices, admission);
        sshd.setPasswordAuthenticator(authenticator);
        sshd.setPublickeyAuthenticator(authenticator);
        sshd.setKeyboardInteractiveAuthenticator(authenticator);
        sshd.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE,
                UserAuthKeyboardInteractiveFactory.INSTANCE));
        sshd.setServiceFactories(List.of(SecondFactorUserAuthService.factory(devices != null), new ChannelCap(limits, limitAudit)));
        sshd.addSessionListener(new ConnectionSteps());
        sshd.addSessionListener(authenticator);
        sshd.addSessionListener(admission);
        sshd.setSessionDisconnectHandler(admission);
        SessionServices services = new SessionServices(listener, upstream, hooks, work, settings.nodeName(),
                settings.connectTimeout(), recordings, live);
        ProxySessionFactory sessions = new ProxySessionFactory(services);
        sshd.setShellFactory(sessions);
        sshd.setCommandFactory(sessions);
        sshd.setSubsystemFactories(List.of(sessions));
        // port forwarding goes through the target, as the grants allow (forward); agent and X11 forwarding are refused
        Forwarding forwarding = new Forwarding(services);
        sshd.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE, forwarding.directTcpip()));
        List<RequestHandler<ConnectionService>> requests = new ArrayList<>();
        requests.add(forwarding.remoteForwardRequests());
        requests.addAll(sshd.getGlobalRequestHandlers());
        sshd.setGlobalRequestHandlers(requests);
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setAgentFactory(null);
        TransferTuning.apply(sshd);
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, limits.idleTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, loginTime);
    }

    public void start() throws IOException {
        sshd.start();
    }

    public void stop() throws IOException {
        sshd.stop(true);
    }

    public int port() {
        return sshd.getPort();
    }

    /** The gateway's own host key: generated once under the gateway's home, readable by its owner only. */
    private static KeyPairProvider hostKey(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        boolean fresh = !Files.exists(file);
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
        provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
        provider.setKeySize(256);
        provider.loadKeys(null);
        if (fresh) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return provider;
    }
}
