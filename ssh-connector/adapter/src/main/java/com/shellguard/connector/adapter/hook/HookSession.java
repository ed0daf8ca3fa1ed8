package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.CommandCompletion;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.HookStatus;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.TypedLine;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * One proxied session's side of the hook: the secret its shells authenticate with, the forwarded port they
 * connect to, whether the interactive shell has armed, and how to end the session when policy says so.
 * Hook connections find it through their upstream SSH connection and port.
 *
 * <p>It also checks its witnesses: the key is readable by the watched user, so everything a connection says is
 * a claim. Completions must name a command still open ({@link CommandLedger}); the session's connections and
 * unanswered work are capped ({@link #MAX_CONNECTIONS}, {@link #MAX_UNAUTHENTICATED}, {@link #MAX_OUTSTANDING});
 * a breach is alerted once per kind and session, and on a strict server ends the session ({@link #distrust}).
 */
public final class HookSession {

    private static final Logger LOG = Logger.getLogger(HookSession.class.getName());
    private static final AttributeKey<Map<Integer, HookSession>> BY_PORT = new AttributeKey<>();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long SNAPSHOT_MILLIS = 1000;
    /** Hook connections open at once after their hello: every hooked shell process and guarded question holds one. */
    static final int MAX_CONNECTIONS = 512;
    /** Connections waiting for their hello; beyond this, further ones are refused at once (a flood). */
    static final int MAX_UNAUTHENTICATED = 1024;
    /** Questions and policy requests of the session waiting for the application; beyond this they are refused. */
    static final int MAX_OUTSTANDING = 1024;
    /**
     * How long a policy version counts as new to the session: a hook decides alone with a copy up to 3 seconds old,
     * and the application's copy follows a change within 2, so a report the current policy disagrees with is not
     * a forgery while the version is younger than this.
     */
    static final long POLICY_GRACE_MILLIS = 10_000;

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
    private java.util.concurrent.ScheduledExecutorService scheduler;
    private String directory;
    private String shell;
    private String shellPath;
    private volatile String guardUnavailable;
    private volatile boolean lane;
    private volatile String laneUnavailable;
    private volatile String tier = TIER_SAME_ACCOUNT;
    private volatile boolean supervised;
    private volatile String supervisorUnavailable;
    private volatile PrivilegedTier privileged;
    /** The session's one supervisor connection: the first that greets with role supervisor; any later one is forged. */
    private final java.util.concurrent.atomic.AtomicBoolean supervisorGreeted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean supervisorLost;
    private volatile boolean supervisorGone;
    private volatile long lastBeat;
    /** When the gateway set the session's hook up: no command of the session started before. */
    private final long openedMicros;
    /** When the heartbeat watch last looked (or started), by the gateway's monotonic clock. */
    private volatile long lastLookNanos;
    /** Four missed heartbeats (they come every 5 s) and the supervisor counts as lost. */
    private static final long SUPERVISOR_SILENCE_MILLIS = 20_000;
    private static final long SUPERVISOR_BEAT_CHECK_SECONDS = 5;
    private volatile Consumer<String> supervisorLossAction = why -> { };

    /** The session runs as the login, and its supervisor (if any) as well. */
    public static final String TIER_SAME_ACCOUNT = "same-account";
    /** The supervisor runs as root and starts the session's shell as the login. */
    public static final String TIER_PRIVILEGED = "privileged";
    private volatile boolean strict;
    private volatile Consumer<String> witnessFailure = why -> { };
    private final CommandLedger ledger = new CommandLedger();
    private final PromptWatch prompt;
    private final AtomicInteger hookAlerts = new AtomicInteger();
    private final AtomicInteger supervisorAlerts = new AtomicInteger();
    private final AtomicInteger startupAlerts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger strangers = new AtomicInteger();
    private final Set<String> alerted = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> versionsSeen = new LinkedHashMap<>(8, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > 32;
        }
    };

    HookSession(String sessionId, HookServices services) {
        this.openedMicros = System.currentTimeMillis() * 1000;
        this.sessionId = sessionId;
        this.services = services;
        byte[] secret = new byte[36];
        RANDOM.nextBytes(secret);
        this.key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.prompt = new PromptWatch(services.silence() == null ? 0 : services.silence().toMillis(),
                why -> distrust(SessionAlert.Kind.HOOK_SILENT, "silent", why));
    }

    static HookSession find(ClientSession upstream, int port) {
        Map<Integer, HookSession> sessions = upstream.getAttribute(BY_PORT);
        return sessions == null ? null : sessions.get(port);
    }

    void bind(ClientSession upstream, int forwardedPort) {
        this.port = forwardedPort;
        this.scheduler = upstream.getFactoryManager().getScheduledExecutorService();
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

    /**
     * The bash hook's lane does not load on the target (a bash of another version than the one it was built for, no
     * bash 5): a bash session's hook field says why in its detail; the shell-language hook does the lane's work.
     */
    void laneUnavailable(String why) {
        this.laneUnavailable = why;
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
        boolean first = supervised && supervisorGreeted.compareAndSet(false, true);
        if (first) {
            lastBeat = System.currentTimeMillis();
            lastLookNanos = System.nanoTime();
            watchHeartbeat();
        }
        return first;
    }

    /** The supervisor's heartbeat (every 5 seconds). */
    void supervisorBeat() {
        lastBeat = System.currentTimeMillis();
    }

    /** The supervisor's connection closed, with or without its goodbye: its heartbeat is no longer awaited. */
    void supervisorGone() {
        supervisorGone = true;
    }

    /**
     * A supervisor that stops beating while its connection stays open was stopped (SIGSTOP) or hangs: every program
     * start of the session would wait on it, and nothing says it still watches. Lost, like a killed one. A look that
     * comes a whole check late means the gateway itself stalled (a long GC pause, a stopped process): the beats sent
     * meanwhile wait unread in the connection, so the watch starts over instead of taking the supervisor for lost.
     */
    private void watchHeartbeat() {
        java.util.concurrent.ScheduledExecutorService executor = scheduler;
        if (executor == null) {
            return;
        }
        executor.schedule(() -> {
            if (supervisorGone || supervisorLost) {
                return;
            }
            long now = System.nanoTime();
            boolean blind = now - lastLookNanos > java.util.concurrent.TimeUnit.SECONDS.toNanos(2 * SUPERVISOR_BEAT_CHECK_SECONDS);
            lastLookNanos = now;
            if (blind) {
                lastBeat = System.currentTimeMillis();
            }
            long silent = System.currentTimeMillis() - lastBeat;
            if (silent > SUPERVISOR_SILENCE_MILLIS) {
                supervisorLost("the session's supervisor has sent no heartbeat for " + silent / 1000
                        + " s (stopped?); the session ends");
                return;
            }
            watchHeartbeat();
        }, SUPERVISOR_BEAT_CHECK_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
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
            String detail = "bash".equals(shell) && !lane && laneUnavailable != null ? "without the lane: " + laneUnavailable : null;
            reportSoon(new HookStatus(sessionId, HookStatus.State.ARMED, shellAndVersion, detail, tier, layers()));
        }
        if ("interactive".equals(role)) {
            armed.complete(shellAndVersion);
        }
    }

    /**
     * Records the status as work: a hello arrives on the upstream connection's network thread, which carries every
     * upstream connection's traffic, and the shell must not wait for the write to arm.
     */
    private void reportSoon(HookStatus status) {
        services.work().submitOrRun(() -> {
            try {
                services.listener().hookStatus(status);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session " + sessionId + ": could not record the hook's status " + status.state(), e);
            }
        });
    }

    /**
     * Whether the server is strict (policy requires command control): then a witness that fails the gateway's checks
     * ends the session instead of only raising an alert.
     */
    public void strict(boolean required) {
        this.strict = required;
    }

    /** What to do when the hook's witnesses cannot be trusted on a strict server: the proxied session ends. */
    public void onWitnessFailure(Consumer<String> action) {
        this.witnessFailure = action;
    }

    /**
     * A witness failed a check: alerted (once per session for each {@code onceKey}, so a flood costs one alert), and
     * on a strict server the session ends with {@code detail} as the reason.
     */
    void distrust(SessionAlert.Kind kind, String onceKey, String detail) {
        if (onceKey == null || alerted.add(kind + " " + onceKey)) {
            alert(kind, detail);
        }
        if (strict) {
            witnessFailure.accept(detail);
        }
    }

    CommandLedger ledger() {
        return ledger;
    }

    /** Whether the hook still speaks about what is typed at the prompt: the session's shell relay feeds it. */
    PromptWatch prompt() {
        return prompt;
    }

    /**
     * Watches the keystrokes of a shell session with a terminal for lines the hook says nothing about
     * ({@code HOOK_SILENT}, see {@link PromptWatch}); {@link #typed} and {@link #printed} feed it.
     */
    public void watchPrompt() {
        prompt.scheduleOn(scheduler);
    }

    /** The user's keystrokes, as they pass to the target. */
    public void typed(byte[] data, int offset, int length) {
        prompt.input(data, offset, length);
    }

    /** The target's output, as it passes to the user. */
    public void printed(byte[] data, int offset, int length) {
        prompt.output(data, offset, length);
    }

    /** The scheduler of the session's upstream connection, for the hook connections' hello limit. */
    java.util.concurrent.ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** How many alerts the session's hooks raised so far (counting this one). */
    int hookAlerts() {
        return hookAlerts.getAndIncrement();
    }

    /**
     * How many alerts the session's supervisor raised so far (counting this one), apart from the hooks': the login
     * can talk on the hooks' port with their key, and its own alerts there must not use up the supervisor's.
     */
    int supervisorAlerts() {
        return supervisorAlerts.getAndIncrement();
    }

    /**
     * How many of the supervisor's startup file alerts it raised so far (counting this one), apart from its other
     * alerts: a same-account supervisor alerts every setuid start it refuses, which the login can repeat at will.
     */
    int startupAlerts() {
        return startupAlerts.getAndIncrement();
    }

    /** A new connection asks to be taken; false when the session already has too many waiting for their hello. */
    boolean admitUnauthenticated() {
        if (unauthenticated.incrementAndGet() > MAX_UNAUTHENTICATED) {
            unauthenticated.decrementAndGet();
            stranger("more than " + MAX_UNAUTHENTICATED + " connections to the hook's port at once without a hello");
            return false;
        }
        return true;
    }

    /** A waiting connection said hello with the key; false (and an alert) when the session has too many open. */
    boolean authenticated() {
        unauthenticated.decrementAndGet();
        if (connections.incrementAndGet() > MAX_CONNECTIONS) {
            connections.decrementAndGet();
            distrust(SessionAlert.Kind.HOOK_FLOOD, "connections",
                    "more than " + MAX_CONNECTIONS + " hook connections open at once");
            return false;
        }
        return true;
    }

    /** A connection closed: {@code greeted} says which count it was in. */
    void closed(boolean greeted) {
        (greeted ? connections : unauthenticated).decrementAndGet();
    }

    /**
     * A connection without the session's secret (another local account, or a forger without the key): one alert per
     * session however many come, since anyone on the target can connect to a loopback port.
     */
    void stranger(String why) {
        int n = strangers.incrementAndGet();
        if (n == 1) {
            alert(SessionAlert.Kind.FORGED_REPORT, why);
        }
    }

    /** Work for the application the session may queue; false (and an alert) past {@link #MAX_OUTSTANDING}. */
    boolean beginWork() {
        if (outstanding.incrementAndGet() > MAX_OUTSTANDING) {
            outstanding.decrementAndGet();
            distrust(SessionAlert.Kind.HOOK_FLOOD, "work", "more than " + MAX_OUTSTANDING
                    + " hook questions waiting for the gateway at once");
            return false;
        }
        return true;
    }

    void endWork() {
        outstanding.decrementAndGet();
    }

    /** The session met this policy version (a snapshot or a verdict carried it). */
    void sawVersion(long version) {
        synchronized (versionsSeen) {
            // the version in force when the session started is no change: its hooks fetch it before their first command
            versionsSeen.putIfAbsent(version, versionsSeen.isEmpty() ? 0L : System.currentTimeMillis());
        }
    }

    /** Whether the session's hooks may still hold an older policy than {@code version}. */
    boolean policyIsNew(long version) {
        long now = System.currentTimeMillis();
        synchronized (versionsSeen) {
            if (versionsSeen.isEmpty()) {
                versionsSeen.put(version, 0L);
                return false;
            }
            Long seen = versionsSeen.putIfAbsent(version, now);
            return seen == null || now - seen < POLICY_GRACE_MILLIS;
        }
    }

    /** The policy snapshot held, without asking the application for a fresher one; null before the first. */
    CommandPolicySnapshot heldSnapshot() {
        return snapshot;
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
        queued(services.audit().add(event));
        commandWatcher.accept(event);
    }

    /**
     * A command the hook reported as run ({@code claimed}) whose verdict the gateway is still checking: its place in
     * the audit is kept meanwhile.
     */
    void judgedLater(CommandEvent claimed, CompletableFuture<CommandEvent> event) {
        queued(services.audit().add(claimed, event));
        event.thenAccept(e -> commandWatcher.accept(e));
    }

    void completed(CommandCompletion completion) {
        queued(services.audit().add(completion));
    }

    void typed(TypedLine line) {
        queued(services.audit().add(line));
    }

    private void queued(boolean accepted) {
        if (!accepted) {
            distrust(SessionAlert.Kind.HOOK_FLOOD, "audit", "more than " + CommandAuditQueue.MAX_PER_SESSION
                    + " audit records of the session waiting to be written; the rest are dropped");
        }
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
            sawVersion(current.version());
        }
        return current;
    }

    void refreshSnapshotIfOlderThan(long version) {
        CommandPolicySnapshot current = snapshot;
        if (current == null || current.version() < version) {
            snapshotTaken = 0;
        }
    }

    long openedMicros() {
        return openedMicros;
    }
}
