package com.shellguard.connector.adapter.runtime;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the gateway listens and keeps its files. Each value comes from a system property, else the
 * environment variable the run script documents, else a default that gives a working gateway.
 */
public record GatewaySettings(String bindAddress, int sshPort, Path home, String nodeName, Duration connectTimeout,
                              Path recordings, Duration hookSilence, Duration singleSignOnWait) {

    public static GatewaySettings fromEnvironment() {
        String bind = value("shellguard.ssh.bind", "SHELLGUARD_SSH_BIND", "0.0.0.0");
        int port = Integer.parseInt(value("shellguard.ssh.port", "SHELLGUARD_SSH_PORT", "2222"));
        Path home = Path.of(value("shellguard.home", "SHELLGUARD_HOME", "data")).toAbsolutePath();
        String node = value("shellguard.node", "SHELLGUARD_NODE", hostName() + ":" + port);
        Duration timeout = Duration.ofSeconds(Long.parseLong(value("shellguard.connect.timeout", "SHELLGUARD_CONNECT_TIMEOUT", "10")));
        Path recordings = Path.of(value("shellguard.recordings", "SHELLGUARD_RECORDINGS", home.resolve("recordings").toString()))
                .toAbsolutePath();
        Duration silence = Duration.ofMillis(Math.round(1000 * Double.parseDouble(
                value("shellguard.hook.silence", "SHELLGUARD_HOOK_SILENCE", "5"))));
        // single sign-on over SSH is offered when an identity provider is configured; how long a person may take to sign in
        Duration ssoWait = value("shellguard.oidc.issuer", "SHELLGUARD_OIDC_ISSUER", "").isEmpty() ? null
                : Duration.ofSeconds(Math.max(10, Long.parseLong(value("shellguard.oidc.ssh.timeout", "SHELLGUARD_OIDC_SSH_TIMEOUT", "300"))));
        return new GatewaySettings(bind, port, home, node, timeout, recordings, silence, ssoWait);
    }

    /**
     * The bound of the node's audit spool on disk, where audit events wait while the database cannot take them
     * ({@code SHELLGUARD_AUDIT_SPOOL_MB}, default 1024).
     */
    public long auditSpoolBytes() {
        return positive("shellguard.audit.spool.mb", "SHELLGUARD_AUDIT_SPOOL_MB", 1024) * 1024 * 1024;
    }

    /**
     * Audit events the node holds in memory while the database cannot take them, before it spools the rest to disk
     * ({@code SHELLGUARD_AUDIT_MEMORY_EVENTS}, default 20000: a few tens of MB of heap at most).
     */
    public int auditMemoryEvents() {
        return (int) Math.min(Integer.MAX_VALUE, positive("shellguard.audit.memory.events", "SHELLGUARD_AUDIT_MEMORY_EVENTS", 20_000));
    }

    private static long positive(String property, String variable, long fallback) {
        String text = value(property, variable, String.valueOf(fallback));
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(variable + " must be a whole number above 0, not \"" + text + "\"");
    }

    /** Whether SSH logins may sign on at the identity provider (then {@link #singleSignOnWait()} is set). */
    public boolean singleSignOn() {
        return singleSignOnWait != null;
    }

    public Path hostKeyFile() {
        return home.resolve("ssh_host_key");
    }

    /** A setting: the system property, else the environment variable, else the fallback. */
    public static String value(String property, String variable, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(variable);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "gateway";
        }
    }
}
