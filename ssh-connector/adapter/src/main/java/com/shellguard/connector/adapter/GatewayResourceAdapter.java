package com.shellguard.connector.adapter;

import com.shellguard.connector.adapter.hook.AuditSpool;
import com.shellguard.connector.adapter.hook.CommandAuditQueue;
import com.shellguard.connector.adapter.hook.HookInstaller;
import com.shellguard.connector.adapter.hook.HookServices;
import com.shellguard.connector.adapter.recording.Recordings;
import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.adapter.runtime.GatewaySettings;
import com.shellguard.connector.adapter.server.GatewaySshServer;
import com.shellguard.connector.adapter.session.LiveSessions;
import com.shellguard.connector.adapter.session.TerminationWatch;
import com.shellguard.connector.adapter.upstream.UpstreamConnector;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * Starts the SSH listener with the server and stops it with the server. Sessions are refused with a
 * clear message until the application's message-driven bean is activated.
 */
@Connector(displayName = "ShellGuard SSH connector", vendorName = "ShellGuard", eisType = "SSH",
        version = "1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class GatewayResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(GatewayResourceAdapter.class.getName());
    /** MINA SSHD reports every connection at INFO; the gateway audits those itself. Held so the level sticks. */
    private static final Logger MINA = Logger.getLogger("org.apache.sshd");

    private final EndpointDelivery delivery = new EndpointDelivery();
    private UpstreamConnector upstream;
    private GatewaySshServer server;
    private GatewaySettings settings;
    private BlockingWork work;
    private CommandAuditQueue commandAudit;
    private Recordings recordings;
    private TerminationWatch terminations;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        settings = GatewaySettings.fromEnvironment();
        work = new BlockingWork(context.getWorkManager());
        if (MINA.getLevel() == null) {
            MINA.setLevel(Level.WARNING);
        }
        try {
            commandAudit = new CommandAuditQueue(delivery, work, context.createTimer(),
                    new AuditSpool(settings.home().resolve("audit-spool"), settings.auditSpoolBytes()), settings.auditMemoryEvents());
            delivery.whenEndUndelivered(commandAudit::add);
            upstream = new UpstreamConnector(delivery, settings.connectTimeout());
            HookInstaller hooks = new HookInstaller(new HookServices(delivery, work, commandAudit, settings.connectTimeout(),
                    settings.hookSilence()));
            recordings = new Recordings(settings.recordings(), context.createTimer());
            LiveSessions live = new LiveSessions();
            terminations = new TerminationWatch(delivery, work, live, settings.nodeName(), context.createTimer());
            server = new GatewaySshServer(settings, delivery, upstream, hooks, work, recordings, live);
            server.start();
            LOG.info(() -> "ShellGuard SSH gateway listening on " + settings.bindAddress() + ":" + settings.sshPort()
                    + " (node " + settings.nodeName() + ", home " + settings.home() + ", recordings " + settings.recordings() + ")");
        } catch (IOException | RuntimeException | jakarta.resource.spi.UnavailableException e) {
            stop();
            throw new ResourceAdapterInternalException("cannot start the SSH listener on port " + settings.sshPort()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.stop();
            }
            if (terminations != null) {
                terminations.close();
            }
            if (upstream != null) {
                upstream.stop();
            }
            if (recordings != null) {
                recordings.close();
            }
            if (commandAudit != null) {
                commandAudit.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "stopping the SSH gateway failed", e);
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        delivery.activate(factory);
        LOG.info("ShellGuard gateway listener activated");
        // not from inside the activation call: the application is still being deployed
        work.submit(() -> {
            try {
                delivery.gatewayStarted(settings.nodeName());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not close the audit of sessions left open by an earlier run of this node", e);
            }
        });
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        delivery.deactivate(factory);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
