package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.hook.HookSession;
import com.shellguard.connector.adapter.hook.HookUnavailableException;
import com.shellguard.connector.adapter.hook.PrivilegedTier;
import com.shellguard.connector.adapter.hook.StartupFileWitness;
import com.shellguard.connector.adapter.upstream.StartupFileReader;
import com.shellguard.connector.api.ChannelKind;
import com.shellguard.connector.api.HookStatus;
import com.shellguard.connector.api.SessionPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Installing command control: the command hook, and the exec guard and supervisor that arm with it, put in
 * place on the target before the user's channel opens; for a shell, the user's input held until the hooked shell has
 * armed. Each part can be missing: the hook cannot be installed, the guard cannot load, the supervisor cannot trace, the shell never arms
 * (startup files that wait for input or start another shell). A missing part is alerted and the session goes
 * on watched less, unless the server is strict (policy requires command control): then it is refused, with
 * the one refusal {@link #missing} writes. A supervisor the plan switched off (a label's command default, never on
 * a strict server) is not missing: it is not asked for. An audit this node cannot write now (the database is away, or
 * its spool is full) is a missing part too: a strict server takes no new session until it can.
 *
 * <p>A session of the privileged tier (the gateway logged in as the server's privileged account, the session for
 * another login) is refused whenever its hook cannot be installed or its supervisor does not arm as
 * {@code privileged}, on every server: the supervisor is what starts the session as its own login, and without it
 * the session would run as the privileged account.
 */
final class CommandControl {

    private static final Logger LOG = Logger.getLogger(CommandControl.class.getName());
    /** How long the user's startup files may take before the hooked shell must have armed. */
    private static final Duration ARMING_LIMIT = Duration.ofSeconds(20);

    private final SessionServices services;
    private final String sessionId;
    private final SessionPlan plan;

    CommandControl(SessionServices services, String sessionId, SessionPlan plan) {
        this.services = services;
        this.sessionId = sessionId;
        this.plan = plan;
    }

    /**
     * The hook watches shells and exec commands where policy asks for it; file transfers run no program on the
     * target (the gateway serves them over SFTP, each file audited).
     */
    static boolean appliesTo(SessionPlan plan, ChannelKind kind) {
        return plan.control().hook() && (kind == ChannelKind.SHELL || kind == ChannelKind.EXEC
                || (plan.privileged() && kind == ChannelKind.SCP));
    }

    /**
     * Installs the hook over the target connection, which then removes it when it closes.
     * The login's startup files are checked on the way ({@link StartupFileCheck}: the installer hashes them first
     * of all, and their verdict is decided before the hook's own, so a strict server refuses changed files before any
     * shell or command of the session starts).
     *
     * @param execCommand the command of an exec session, null for a shell
     * @param steps       where the installation's steps are timed
     * @return the installed hook, or empty when the session goes on without one
     * @throws EndOfSession when a strict server's startup files changed or its hook or guard cannot be put in place
     */
    Optional<HookSession> install(TargetConnection target, String execCommand, SetupTimes steps) throws EndOfSession {
        Optional<String> noAudit = services.hooks().auditUnwritable();
        if (noAudit.isPresent()) {
            refuseWhereRequired("this gateway node cannot write the audit now (" + noAudit.get() + ")",
                    "audit unavailable: " + noAudit.get());
        }
        HookSession hook;
        PrivilegedTier privileged = PrivilegedTier.of(plan);
        AtomicReference<Map<String, String>> startupFiles = new AtomicReference<>();
        try {
            hook = services.hooks().install(target.session(), sessionId, execCommand, privileged,
                    privileged != null || plan.control().supervisor(),
                    new StartupFileWitness(StartupFileReader.FILES, startupFiles::set));
        } catch (HookUnavailableException e) {
            steps.step("hook");
            StartupFileCheck.check(services, sessionId, plan, target, startupFiles.get());
            steps.step("startup-files");
            report(new HookStatus(sessionId, HookStatus.State.UNAVAILABLE, null, e.getMessage(),
                    privileged == null ? null : HookSession.TIER_PRIVILEGED, List.of()));
            if (privileged != null) {
                throw new EndOfSession(privilegedTierMissing("its command control cannot be installed: " + e.getMessage()));
            }
            refuseWhereRequired("the hook cannot be installed: " + e.getMessage(), "command hook unavailable: " + e.getMessage());
            LOG.info(() -> "session " + sessionId + " runs without the command hook: " + e.getMessage());
            return Optional.empty();
        }
        target.hooked(hook);
        steps.step("hook");
        StartupFileCheck.check(services, sessionId, plan, target, startupFiles.get());
        steps.step("startup-files");
        hook.strict(plan.control().required());
        Optional<String> noGuard = hook.guardUnavailable();
        if (noGuard.isPresent()) {
            refuseWhereRequired("the exec guard cannot be armed: " + noGuard.get(), "exec guard unavailable: " + noGuard.get());
        }
        Optional<String> noSupervisor = hook.supervisorUnavailable();
        if (noSupervisor.isPresent()) {
            refuseWhereRequired("the supervisor cannot run: " + noSupervisor.get(), "supervisor unavailable: " + noSupervisor.get());
        }
        return Optional.of(hook);
    }

    /**
     * Completes when the hooked shell has armed. A shell that has not armed within {@link #ARMING_LIMIT} is a
     * hook that could not be installed: on a strict server the gate stays shut and {@code end} refuses the
     * session; elsewhere the gate opens with an alert.
     */
    CompletableFuture<?> armedOrTimedOut(HookSession hook, Consumer<SessionEnd> end) {
        CompletableFuture<Object> gate = new CompletableFuture<>();
        hook.armed().orTimeout(ARMING_LIMIT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((shell, failure) -> {
            if (failure == null) {
                gate.complete(shell);
                return;
            }
            String why = "the shell did not arm the hook within " + ARMING_LIMIT.toSeconds()
                    + " s (startup files waiting for input, or starting another shell?)";
            report(new HookStatus(sessionId, HookStatus.State.UNAVAILABLE, hook.shell(), why));
            Optional<SessionEnd> refusal = missing(why, "command hook unavailable: " + why);
            if (refusal.isPresent()) {
                gate.completeExceptionally(failure);
                end.accept(refusal.get());
            } else {
                gate.complete(null);
            }
        });
        return gate;
    }

    /** The refusal of a privileged-tier session whose supervisor or hook is missing, on any server. */
    private SessionEnd privilegedTierMissing(String why) {
        return SessionEnd.failed("the session for " + plan.login() + " on " + plan.server() + " through the privileged account "
                + plan.privilegedLogin() + " cannot start: " + why, "privileged tier unavailable: " + why);
    }

    private void refuseWhereRequired(String what, String failure) throws EndOfSession {
        Optional<SessionEnd> refusal = missing(what, failure);
        if (refusal.isPresent()) {
            throw new EndOfSession(refusal.get());
        }
    }

    /** The refusal of a strict server for a missing part of command control; empty where the session may go on. */
    private Optional<SessionEnd> missing(String what, String failure) {
        return plan.control().required()
                ? Optional.of(SessionEnd.commandControlMissing(plan.server(), what, failure))
                : Optional.empty();
    }

    private void report(HookStatus status) {
        try {
            services.listener().hookStatus(status);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the hook status of session " + sessionId, e);
        }
    }
}
