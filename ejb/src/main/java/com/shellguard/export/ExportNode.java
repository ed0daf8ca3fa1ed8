package com.shellguard.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node as the export names it: {@code shellguard.node} ({@code SHELLGUARD_NODE}) or the host name, in events
 * and as syslog's HOSTNAME; and, with a random suffix per start, as the holder of a destination's delivery lease.
 */
@ApplicationScoped
public class ExportNode {

    @Inject
    @ConfigProperty(name = "shellguard.node")
    Optional<String> configured;

    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    public String name() {
        return configured.filter(s -> !s.isBlank()).orElseGet(ExportNode::hostName);
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
