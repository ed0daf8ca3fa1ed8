package com.shellguard.metrics;

import com.shellguard.command.audit.Verdict;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.ForwardSummary;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.SessionSummary;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The gateway's application metrics, fed where the connector's events reach the application (the gateway MDB and
 * the services it calls), and served by MicroProfile Metrics at {@code /metrics} in the {@code application} scope.
 */
@ApplicationScoped
public class GatewayMetrics {

    static final String LIVE_SESSIONS = "shellguard_sessions_live";
    static final String LOGINS = "shellguard_logins";
    static final String COMMAND_VERDICTS = "shellguard_command_verdicts";
    static final String DECISION = "shellguard_command_decision";
    static final String RELAYED = "shellguard_relayed";
    static final String EXPORT_LAG = "shellguard_export_lag";

    @Inject
    MetricRegistry registry;

    @Inject
    Instance<ExportLag> exportLag;

    /** The sessions this node relays now, by id: an end that never comes is cleared by the connector's next start. */
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    private Timer decisions;

    /** Registers the metrics when the application starts, so a scrape finds them before the first session. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        live.size();
    }

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName(LIVE_SESSIONS)
                .withDescription("SSH sessions (shells, commands, transfers, forwardings) this node relays now").build(),
                live::size);
        decisions = registry.timer(Metadata.builder().withName(DECISION).withUnit(MetricUnits.SECONDS)
                .withDescription("Time the gateway takes to decide a command the shell hook asked about").build());
        for (Verdict verdict : Verdict.values()) {
            verdictCounter(verdict);
        }
        relayed("to_user");
        relayed("from_user");
        if (exportLag.isResolvable()) {
            ExportLag lag = exportLag.get();
            registry.gauge(Metadata.builder().withName(EXPORT_LAG).withUnit(MetricUnits.SECONDS)
                    .withDescription("Age of the oldest audit event not yet delivered to an export destination").build(),
                    (Supplier<Long>) lag::seconds);
        }
    }

    public void loginConcluded(AuthenticationOutcome outcome) {
        registry.counter(Metadata.builder().withName(LOGINS)
                        .withDescription("SSH logins by outcome and last authentication method").build(),
                new Tag("outcome", outcome.success() ? "success" : "failure"),
                new Tag("method", outcome.method() == null ? "none" : outcome.method().name().toLowerCase(Locale.ROOT)))
                .inc();
    }

    public void sessionOpened(String sessionId, SessionPlan plan) {
        if (plan.allowed()) {
            live.add(sessionId);
        }
    }

    public void sessionEnded(SessionSummary summary) {
        live.remove(summary.sessionId());
        relayed("to_user").inc(Math.max(0, summary.bytesToClient()));
        relayed("from_user").inc(Math.max(0, summary.bytesFromClient()));
    }

    public void forwardEnded(ForwardSummary summary) {
        relayed("to_user").inc(Math.max(0, summary.bytesFromTarget()));
        relayed("from_user").inc(Math.max(0, summary.bytesToTarget()));
    }

    /** The connector of this node started: no session it had before is alive. */
    public void gatewayStarted() {
        live.clear();
    }

    /** Decides with {@code decision}, timing it. */
    public CommandVerdict timeDecision(Supplier<CommandVerdict> decision) {
        long start = System.nanoTime();
        try {
            return decision.get();
        } finally {
            decisions.update(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Commands reported or decided, counted once each, when their audit rows are written. */
    public void commandsRecorded(List<CommandEvent> commands) {
        for (CommandEvent command : commands) {
            verdictCounter(Verdict.of(command.verdict())).inc();
        }
    }

    private org.eclipse.microprofile.metrics.Counter verdictCounter(Verdict verdict) {
        return registry.counter(Metadata.builder().withName(COMMAND_VERDICTS)
                        .withDescription("Commands of hooked sessions by the verdict in their audit row").build(),
                new Tag("verdict", verdict.name()));
    }

    private org.eclipse.microprofile.metrics.Counter relayed(String direction) {
        return registry.counter(Metadata.builder().withName(RELAYED).withUnit(MetricUnits.BYTES)
                        .withDescription("Bytes relayed between users and servers (sessions and forwarded connections),"
                                + " counted when each ends").build(),
                new Tag("direction", direction));
    }
}
