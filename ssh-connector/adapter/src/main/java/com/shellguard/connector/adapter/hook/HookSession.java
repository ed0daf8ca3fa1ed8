package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.HookStatus;
import com.shellguard.connector.api.SessionAlert;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * One proxied session's side of the hook: the secret its shells authenticate with, the forwarded port they
 * connect to, whether the interactive shell has armed, and how to end the session when policy says so.
 * Hook connections find it through their upstream SSH connection and port.
 */
public final class HookSession {

    private static final AttributeKey<Map<Integer, HookSession>> BY_PORT = new AttributeKey<>();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long SNAPSHOT_MILLIS = 1000;

    private final String sessionId;
    private final String key;
    private final HookServices services;
    private final CompletableFuture<String> armed = new CompletableFuture<>();
    private volatile Consumer<String> terminator = rule -> { };
    private volatile Consumer<CommandEvent> commandWatcher = event -> { };
    private volatile CommandPolicySnapshot snapshot;
    private volatile long snapshotTaken;
    private volatile boolean statusReported;
    private int port;
    private String directory;
    private String shell;
    private String shellPath;
    private volatile String guardUnavailable;
    private volatile boolean lane;
    private volatile String tier = TIER_SAME_ACCOUNT;
    private volatile boolean supervised;
    private volatile String supervisorUnavailable;
    private volatile PrivilegedTier privileged;
    /** The session's one supervisor connection: the first that greets with role supervisor; any later one is forged. */
    private final java.util.concurrent.atomic.AtomicBoolean supervisorGreeted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean supervisorLost;
    private volatile Consumer<String> supervisorLossAction = why -> { };

    /** The session runs as the login, and its supervisor (if any) as well. */
    public static final String TIER_SAME_ACCOUNT = "same-account";
    /** The supervisor runs as root and starts the session's shell as the login. */
    public static final String TIER_PRIVILEGED = "privileged";

    HookSession(String sessionId, HookServices services) {
        this.sessionId = sessionId;
        this.services = services;
        byte[] secret = new byte[36];
        RANDOM.nextBytes(secret);
        this.key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static HookSession find(ClientSession upstream, int port) {
        Map<Integer, HookSession> sessions = upstream.getAttribute(BY_PORT);
        return sessions == null ? null : sessions.get(port);
    }

    void bind(ClientSession upstream, int forwardedPort) {
        this.port = forwardedPort;
        upstream.computeAttributeIfAbsent(BY_PORT, k -> new ConcurrentHashMap<>()).put(forwardedPort, this);
    }

    void installed(String dir, String shellName, String path) {
        this.directory = dir;
        this.shell = shellName;
        this.shellPath = path;
    }

    /** The exec guard could not be armed on the target: the shell hook watches alone, and the audit says why. */
    void guardUnavailable(String why) {
        this.guardUnavailable = why;
        alert(SessionAlert.Kind.GUARD_UNAVAILABLE, why);
    }

    /** The bash hook's lane loads on the target: hooked bash shells use it. */
    void laneLoaded() {
        this.lane = true;
    }

    /** The supervisor is in place, in this tier: the session's shell starts under it. */
    void supervised(String installedTier) {
        this.supervised = true;
        this.tier = installedTier;
    }

    /** The supervisor cannot run on the target: the hook and the guard watch alone, and the audit says why. */
    void supervisorUnavailable(String why) {
        this.supervisorUnavailable = why;
        alert(SessionAlert.Kind.SUPERVISOR_UNAVAILABLE, why);
    }

    /** Why the supervisor could not be put in place for this session; empty when it was. */
    public java.util.Optional<String> supervisorUnavailable() {
        return java.util.Optional.ofNullable(supervisorUnavailable);
    }

    /** {@link #TIER_SAME_ACCOUNT} or {@link #TIER_PRIVILEGED}. */
    public String tier() {
        return tier;
    }

    /** The layers of command control armed for this session, in order: hook, lane, guard, supervisor. */
    public java.util.List<String> layers() {
        java.util.List<String> layers = new java.util.ArrayList<>(java.util.List.of("hook"));
        if (lane) {
            layers.add("lane");
        }
        if (guardUnavailable == null) {
            layers.add("guard");
        }
        if (supervised) {
            layers.add("supervisor");
        }
        return layers;
    }

    /** The session is of the privileged tier: what the gateway runs for it on the target runs as root. */
    void privileged(PrivilegedTier session) {
        this.privileged = session;
    }

    /** The privileged tier's session, or null when the connection is the login's own. */
    public PrivilegedTier privileged() {
        return privileged;
    }

    /** What to do when the supervisor is lost while the session runs: the proxied session ends itself. */
    public void onSupervisorLost(Consumer<String> action) {
        this.supervisorLossAction = action;
    }

    /** Whether a connection greeting with role supervisor is the session's supervisor (the first one). */
    boolean supervisorHello() {
        return supervised && supervisorGreeted.compareAndSet(false, true);
    }

    /**
     * The supervisor's connection ended without its goodbye: it was killed (the session's processes died with it)
     * or cut off. Alerted once, and the session ends: nothing follows its program starts any more.
     */
    void supervisorLost(String why) {
        if (supervisorLost) {
            return;
        }
        supervisorLost = true;
        alert(SessionAlert.Kind.SUPERVISOR_LOST, why);
        supervisorLossAction.accept(why);
    }

    /** Why the exec guard could not be armed for this session; empty when it was. */
    public java.util.Optional<String> guardUnavailable() {
        return java.util.Optional.ofNullable(guardUnavailable);
    }

    /**
     * What the session's channel runs on the target: the start script, for a shell or an exec session. In the
     * privileged tier it is root's copy in the supervisor's directory (root never runs a file the login can write),
     * run as root: through {@code sudo -n} when the privileged account is not root.
     */
    public String startCommand(boolean exec) {
        String start = "/bin/sh " + (tier.equals(TIER_PRIVILEGED) ? supervisorDirectory() : directory) + "/start "
                + (exec ? "exec " : "shell ") + shell + " " + shellPath;
        return privileged == null ? "exec " + start : privileged.asRoot(start);
    }

    /** The supervisor's directory on the target, beside the session's (root's own in the privileged tier). */
    public String supervisorDirectory() {
        return directory + "-supervisor";
    }

    public String sessionId() {
        return sessionId;
    }

    public String directory() {
        return directory;
    }

    public String shell() {
        return shell;
    }

    /** The path of the session's shell on the target, e.g. {@code /bin/bash}. */
    public String shellPath() {
        return shellPath;
    }

    int port() {
        return port;
    }

    String key() {
        return key;
    }

    HookServices services() {
        return services;
    }

    boolean acceptsKey(String offered) {
        return MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    /** Completes with the shell's name once the session's interactive shell has armed the hook. */
    public CompletableFuture<String> armed() {
        return armed;
    }

    /** A hooked shell has said hello; an interactive one means the session's shell is armed. */
    void helloFrom(String shellAndVersion, String role) {
        if ("guard".equals(role) || "supervisor".equals(role)) {
            return; // the exec guard's and the supervisor's connections say nothing about whether the shell armed
        }
        if (supervised && !supervisorGreeted.get()) {
            // the supervisor says hello before it starts the shell: a hooked shell without one ran around it
            supervisorLost("a hooked shell started, but the session's supervisor never said hello");
        }
        if (!statusReported) {
            statusReported = true;
            services.listener().hookStatus(new HookStatus(sessionId, HookStatus.State.ARMED, shellAndVersion, null,
                    tier, layers()));
        }
        if ("interactive".equals(role)) {
            armed.complete(shellAndVersion);
        }
    }

    /** What to do when a verdict ends the session: the proxied session sets this once it relays. */
    public void onTerminate(Consumer<String> action) {
        this.terminator = action;
    }

    /** Who else hears of each judged command besides the audit: the recording, which marks it. */
    public void onCommand(Consumer<CommandEvent> watcher) {
        this.commandWatcher = watcher;
    }

    /**
     * A command the hook reported or asked about, with its verdict: queued for the audit leg (delivered to the
     * application in the next batch), and passed to the watcher.
     */
    void judged(CommandEvent event) {
        services.audit().add(event);
        commandWatcher.accept(event);
    }

    void terminate(String rule) {
        terminator.accept(rule);
    }

    void alert(SessionAlert.Kind kind, String detail) {
        services.audit().add(new SessionAlert(sessionId, kind, detail, System.currentTimeMillis() * 1000));
    }

    /** The session's policy filter (the "filter" crossing), asked of the application at most once a second. */
    CommandPolicySnapshot snapshot() {
        long now = System.currentTimeMillis();
        CommandPolicySnapshot current = snapshot;
        if (current == null || now - snapshotTaken > SNAPSHOT_MILLIS) {
            current = services.listener().commandPolicy(sessionId);
            snapshot = current;
            snapshotTaken = now;
        }
        return current;
    }

    void refreshSnapshotIfOlderThan(long version) {
        CommandPolicySnapshot current = snapshot;
        if (current == null || current.version() < version) {
            snapshotTaken = 0;
        }
    }
}
