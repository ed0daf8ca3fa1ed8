package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.hook.PrivilegedTier;
import com.shellguard.connector.adapter.upstream.StartupFileReader;
import com.shellguard.connector.api.SessionPlan;
import com.shellguard.connector.api.StartupFileReport;
import com.shellguard.connector.api.StartupFileVerdict;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checking the login's startup and key files, first thing on a new upstream connection of a server under command
 * control, before any shell or command of the session starts: the hook's installer hashes them before it writes
 * anything, in its one round trip ({@link com.shellguard.connector.adapter.hook.StartupFileWitness}), or, where it
 * cannot or no hook is installed (file transfers), the connector reads them over SFTP ({@link StartupFileReader}); the
 * application compares them with the accepted state and alerts a change ({@code STARTUP_FILE_CHANGED}). A strict
 * server refuses the session while its files differ from the accepted state, or cannot be read.
 *
 * <p>What this is for: where only the login's own credential exists, the login's startup files run before anything
 * the gateway starts, unwatched, so a user can plant commands in them (through sftp, or a session on a server without
 * the hook) that disable the hook of every later session. This detects such a change at the next session; it cannot
 * prevent the files from running.
 */
final class StartupFileCheck {

    private static final Logger LOG = Logger.getLogger(StartupFileCheck.class.getName());

    private StartupFileCheck() {
    }

    /** Reads the files over SFTP ({@link StartupFileReader}) and checks them. */
    static void check(SessionServices services, String sessionId, SessionPlan plan, TargetConnection target) throws EndOfSession {
        check(services, sessionId, plan, target, null);
    }

    /**
     * Checks the files as the session's hook installer hashed them ({@code hashed}, by path), or, when it did not
     * (null), as an SFTP read of them finds them.
     *
     * @throws EndOfSession when a strict server's startup files changed or cannot be read
     */
    static void check(SessionServices services, String sessionId, SessionPlan plan, TargetConnection target,
            Map<String, String> hashed) throws EndOfSession {
        long started = System.nanoTime();
        StartupFileReport report;
        String how = hashed != null ? "by the installer" : "over SFTP";
        if (hashed != null) {
            report = new StartupFileReport(sessionId, plan.server(), plan.login(), hashed, null);
        } else {
            try {
                Map<String, String> files = StartupFileReader.read(target.session(), PrivilegedTier.sftpCommand(plan));
                report = new StartupFileReport(sessionId, plan.server(), plan.login(), files, null);
            } catch (IOException | RuntimeException e) {
                report = new StartupFileReport(sessionId, plan.server(), plan.login(), Map.of(),
                        "the files could not be read over SFTP: " + e.getMessage());
            }
        }
        long readMicros = (System.nanoTime() - started) / 1000;
        StartupFileVerdict verdict;
        try {
            verdict = services.listener().checkStartupFiles(report);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + ": the startup files could not be checked", e);
            verdict = new StartupFileVerdict(java.util.List.of(), "the gateway could not compare them: " + e.getMessage());
        }
        StartupFileVerdict checked = verdict;
        LOG.info(() -> "session " + sessionId + ": startup files of " + plan.login() + "@" + plan.server() + " read " + how + " in "
                + readMicros + " us, checked in " + (System.nanoTime() - started) / 1000 + " us"
                + (checked.clean() ? "" : ": " + (checked.failure() != null ? checked.failure() : "changed " + checked.changed())));
        if (!verdict.clean() && plan.control().required()) {
            String what = verdict.failure() != null
                    ? "the login's startup files cannot be checked (" + verdict.failure() + ")"
                    : "the login's startup files changed since an administrator last accepted them ("
                            + String.join(", ", verdict.changed()) + "); an administrator must review and accept them";
            throw new EndOfSession(SessionEnd.commandControlMissing(plan.server(), what,
                    verdict.failure() != null ? "startup files unreadable" : "startup files changed: " + verdict.changed()));
        }
    }
}
