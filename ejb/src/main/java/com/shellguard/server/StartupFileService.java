package com.shellguard.server;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.command.audit.AlertKind;
import com.shellguard.command.audit.AlertRecord;
import com.shellguard.command.audit.CommandAuditRepository;
import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.NotFoundException;
import com.shellguard.connector.api.StartupFileReport;
import com.shellguard.connector.api.StartupFileVerdict;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The startup and key files of each login on each server, as sessions found them ({@link StartupFile}): a login's
 * first session pins them (an audit row per file, no alert); a later session that finds a file in another state than
 * the accepted one raises {@code STARTUP_FILE_CHANGED}, naming the files, once for each new state; an administrator
 * {@linkplain #accept accepts} the state sessions found. The gateway writes none of these files, so every change is
 * one it did not make.
 */
@Stateless
public class StartupFileService {

    @Inject
    AdminChangeRecorder changes;

    private static final Logger LOG = Logger.getLogger(StartupFileService.class.getName());

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    CommandAuditRepository alerts;

    @Inject
    AuditRepository audit;

    @Inject
    ServerRepository servers;

    public StartupFileVerdict check(StartupFileReport report) {
        OffsetDateTime now = Clock.now();
        if (report.failure() != null) {
            alert(report, "the startup files of " + report.login() + "@" + report.server() + " cannot be checked: " + report.failure());
            return new StartupFileVerdict(List.of(), report.failure());
        }
        List<StartupFile> current = files(report.server(), report.login(), false);
        if (asLastSeen(current, report)) {
            return new StartupFileVerdict(current.stream().filter(StartupFile::changed)
                    .filter(f -> report.files().containsKey(f.getPath()))
                    .map(f -> describe(f.getPath(), f.getAcceptedHash(), f.getSeenHash())).toList(), null);
        }
        Map<String, StartupFile> known = locked(report);
        List<String> changed = new ArrayList<>();
        List<String> newlyChanged = new ArrayList<>();
        boolean firstSight = known.isEmpty();
        for (Map.Entry<String, String> file : report.files().entrySet()) {
            StartupFile state = known.get(file.getKey());
            if (state == null) {
                em.persist(new StartupFile(report.server(), report.login(), file.getKey(), file.getValue(), report.sessionId(), now));
                if (!firstSight && !StartupFileReport.ABSENT.equals(file.getValue())) {
                    changed.add(describe(file.getKey(), StartupFileReport.ABSENT, file.getValue()));
                    newlyChanged.add(file.getKey());
                }
                continue;
            }
            boolean newState = !state.getSeenHash().equals(file.getValue());
            if (newState) {
                state.seen(file.getValue(), report.sessionId(), now);
            }
            if (state.changed()) {
                changed.add(describe(file.getKey(), state.getAcceptedHash(), file.getValue()));
                if (newState) {
                    newlyChanged.add(file.getKey());
                }
            }
        }
        if (firstSight) {
            LOG.info(() -> "ShellGuard: startup files of " + report.login() + "@" + report.server() + " pinned by session " + report.sessionId());
        } else if (!newlyChanged.isEmpty()) {
            alert(report, "startup files of " + report.login() + "@" + report.server() + " changed since they were accepted: "
                    + String.join(", ", changed));
        }
        return new StartupFileVerdict(changed, null);
    }

    /**
     * Whether every reported file is known and in the state sessions last found: the common case, a login's files as
     * they were, which needs no write and so takes no lock. Sessions of one login arriving together then do not
     * queue on the login's rows (on an overloaded node they waited past the database's lock timeout, each such
     * check failing, which a strict server turns into a refusal).
     */
    private static boolean asLastSeen(List<StartupFile> known, StartupFileReport report) {
        Map<String, String> seen = new HashMap<>();
        known.forEach(f -> seen.put(f.getPath(), f.getSeenHash()));
        return !known.isEmpty() && report.files().entrySet().stream().allMatch(f -> f.getValue().equals(seen.get(f.getKey())));
    }

    /**
     * The login's known files, locked for this transaction. Sessions of one login arriving together would each
     * insert a file none of them has seen yet (the login's first sessions), and all but one would fail on the
     * unique key, their check lost; so a session with a file to insert first locks the server's row, which
     * queues them: each later one waits for the one before to commit and then finds its rows. The server's row is
     * always locked before the files' rows, so two sessions never wait for each other.
     */
    private Map<String, StartupFile> locked(StartupFileReport report) {
        List<StartupFile> seen = files(report.server(), report.login(), false);
        if (!seen.stream().map(StartupFile::getPath).toList().containsAll(report.files().keySet())) {
            servers.findForUpdate(report.server());
        }
        Map<String, StartupFile> known = new HashMap<>();
        for (StartupFile f : files(report.server(), report.login(), true)) {
            known.put(f.getPath(), f);
        }
        return known;
    }

    /** The files known for a login, for the API. */
    public List<StartupFile> list(String server, String login) {
        servers.find(server).orElseThrow(() -> new NotFoundException("no server " + server));
        return files(server, login, false);
    }

    /** The state sessions last found becomes the accepted one, for every file of the login. */
    public List<StartupFile> accept(String server, String login, String by) {
        List<StartupFile> files = list(server, login);
        if (files.isEmpty()) {
            throw new NotFoundException("no session has read the startup files of " + login + "@" + server + " yet");
        }
        OffsetDateTime now = Clock.now();
        List<StartupFile> locked = files(server, login, true);
        ChangeFields before = fields(locked);
        for (StartupFile f : locked) {
            f.accept(by, now);
        }
        changes.record("startup-files", server + "/" + login, "accept", before, fields(locked));
        LOG.info(() -> "ShellGuard: startup files of " + login + "@" + server + " accepted by " + by);
        return files(server, login, false);
    }

    /** Each file's accepted state; the hashes are of files on the target, no secret of the gateway's. */
    private static ChangeFields fields(List<StartupFile> files) {
        ChangeFields fields = ChangeFields.of();
        files.forEach(f -> fields.put(f.getPath(), f.getAcceptedHash()));
        return fields;
    }

    private List<StartupFile> files(String server, String login, boolean forUpdate) {
        var query = em.createNamedQuery("StartupFile.ofLogin", StartupFile.class).setParameter("server", server)
                .setParameter("login", login);
        query.setHint("eclipselink.refresh", "true");
        if (forUpdate) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultList();
    }

    private static String describe(String path, String before, String now) {
        if (StartupFileReport.ABSENT.equals(now)) {
            return path + " (removed)";
        }
        return path + (StartupFileReport.ABSENT.equals(before) ? " (created)" : " (changed)");
    }

    private void alert(StartupFileReport report, String detail) {
        String user = audit.session(report.sessionId()).map(SessionRecord::getUserName).orElse(null);
        alerts.add(new AlertRecord(Clock.now(), report.sessionId(), user, report.server(), AlertKind.STARTUP_FILE_CHANGED, detail, null));
    }
}
