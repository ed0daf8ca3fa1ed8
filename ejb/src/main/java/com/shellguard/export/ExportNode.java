package com.shellguard.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node as the export names it, as the audit's {@code gatewayNode} does: {@code shellguard.node}
 * ({@code SHELLGUARD_NODE}) or {@code HOSTNAME:SSHPORT}, in events
 * and as syslog's HOSTNAME; and, with a random suffix per start, as the holder of a destination's delivery lease.
 */
@ApplicationScoped
public class ExportNode {

    @Inject
    @ConfigProperty(name = "shellguard.node")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "shellguard.ssh.port", defaultValue = "2222")
    String sshPort;

    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    public String name() {
        return configured.filter(s -> !s.isBlank()).orElseGet(() -> hostName() + ":" + sshPort);
    }

    String leaseOwner() {
        String name = name();
        return (name.length() > 200 ? name.substring(0, 200) : name) + "#" + instance;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
