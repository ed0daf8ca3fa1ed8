package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.ArgvCut;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.HookLimits;
import com.shellguard.connector.api.SessionAlert;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway reads a hook message up to the protocol's limit (protocol.def's {@code limit message}, newline included)
 * and no further: a longer one is never taken for a shorter one nor silently dropped. A question that long is refused
 * with its reason before the connection closes with a {@code HOOK_FLOOD} alert; the supervisor's connection closed that
 * way loses the supervisor, and the session ends. Alerts are bounded per source, so that one kind cannot crowd out another.
 */
class HookConnectionLimitTest {

    private static final char US = HookWire.US;

    @TempDir
    Path dir;

    private final List<CommandRecordBatch> written = new CopyOnWriteArrayList<>();
    private final List<String> replies = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<String> lost = new CopyOnWriteArrayList<>();
    private CommandAuditQueue audit;

    @Test
    void aMessageOfExactlyTheLimitIsRead() {
        HookSession session = session();
        HookConnection connection = greeted(session, "guard/1", "guard");
        String start = "A" + US + "tamper" + US;
        send(connection, start + "x".repeat(HookLimits.MESSAGE - start.length() - 1) + "\n");
        assertFalse(closed.get(), "a message of " + HookLimits.MESSAGE + " bytes with its newline is the protocol's");
        assertTrue(alerts().stream().anyMatch(a -> a.kind() == SessionAlert.Kind.TAMPER));
    }

    @Test
    void aQuestionLongerThanTheLimitIsRefusedWithItsReasonAndItsConnectionClosed() {
        HookSession session = session();
        HookConnection connection = greeted(session, "guard/1", "guard");
        String start = "Q" + US + "4242.g7" + US;
        send(connection, start + "y".repeat(HookLimits.MESSAGE - start.length()));
        assertEquals(List.of("V" + US + "4242.g7" + US + "B" + US + ArgvCut.RULE + "\n"), replies);
        assertTrue(closed.get());
        List<SessionAlert> alerts = alerts();
        assertTrue(alerts.stream().anyMatch(a -> a.kind() == SessionAlert.Kind.HOOK_FLOOD
                && a.detail().contains("question 4242.g7")), alerts.toString());
        assertTrue(lost.isEmpty(), "a guard's connection is not the supervisor's");
    }

    @Test
    void theSupervisorsConnectionClosedForAMessageTooLongEndsTheSession() {
        HookSession session = session();
        session.supervised(HookSession.TIER_SAME_ACCOUNT);
        HookConnection connection = greeted(session, "supervisor/1", "supervisor");
        send(connection, "R" + US + "77.s1" + US + "z".repeat(HookLimits.MESSAGE));
        assertTrue(replies.isEmpty(), "a report waits for no answer");
        assertTrue(closed.get());
        assertEquals(1, lost.size(), "the session ends");
        List<SessionAlert> alerts = alerts();
        assertTrue(alerts.stream().anyMatch(a -> a.kind() == SessionAlert.Kind.SUPERVISOR_LOST), alerts.toString());
    }

    /** The login can have a same-account supervisor alert at will (a setuid start refused each time). */
    @Test
    void theSupervisorsSetuidAlertsDoNotUseUpItsStartupFileAlerts() {
        HookSession session = session();
        session.supervised(HookSession.TIER_SAME_ACCOUNT);
        HookConnection connection = greeted(session, "supervisor/1", "supervisor");
        send(connection, ("A" + US + "setuid" + US + "/usr/bin/passwd started by 42 /usr/bin/bash\n").repeat(600));
        send(connection, "A" + US + "startup" + US + "~/.ssh/authorized_keys2 created\n");
        List<SessionAlert> alerts = alerts();
        assertTrue(alerts.stream().anyMatch(a -> a.kind() == SessionAlert.Kind.HOOK_FLOOD), "the setuid flood is said");
        assertTrue(alerts.stream().anyMatch(a -> a.kind() == SessionAlert.Kind.STARTUP_FILE_CHANGED
                && a.detail().startsWith("~/.ssh/authorized_keys2 created")), alerts.toString());
    }

    @Test
    void onlyAQuestionsOwnIdIsAnswered() {
        assertEquals("12.s3", HookConnection.questionId(bytes("Q" + US + "12.s3" + US + "...")));
        assertEquals("12.4", HookConnection.questionId(bytes("Q" + US + "12.4" + US)));
        assertNull(HookConnection.questionId(bytes("R" + US + "12.s3" + US)), "a report has no answer");
        assertNull(HookConnection.questionId(bytes("Q" + US + "12.s3\nV" + US)), "no line of the gateway's own in an id");
        assertNull(HookConnection.questionId(bytes("Q" + US + "9".repeat(100) + US)));
    }

    private HookSession session() {
        GatewayListener database = (GatewayListener) Proxy.newProxyInstance(GatewayListener.class.getClassLoader(),
                new Class<?>[] {GatewayListener.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof CommandRecordBatch batch) {
                        written.add(batch);
                    }
                    return null;
                });
        WorkManager busy = (WorkManager) Proxy.newProxyInstance(WorkManager.class.getClassLoader(),
                new Class<?>[] {WorkManager.class}, (proxy, method, args) -> {
                    throw new WorkRejectedException("busy");
                });
        audit = new CommandAuditQueue(database, new BlockingWork(busy), new Timer(true), new AuditSpool(dir, 1 << 20), 1000);
        HookSession session = new HookSession("s1", new HookServices(database, new BlockingWork(busy), audit,
                Duration.ofSeconds(30), Duration.ZERO));
        session.onSupervisorLost(lost::add);
        return session;
    }

    private HookConnection greeted(HookSession session, String shell, String role) {
        HookConnection connection = new HookConnection(session, replies::add, () -> closed.set(true));
        send(connection, "H" + US + session.key() + US + "4242" + US + "4000" + US + "4001" + US + "1" + US + shell + US + role + "\n");
        assertFalse(closed.get(), "the hello is taken");
        return connection;
    }

    /** The bytes as sshd hands them on: in packets of 32 KiB. */
    private static void send(HookConnection connection, String text) {
        byte[] data = bytes(text);
        for (int at = 0; at < data.length; at += 32768) {
            connection.receive(data, at, Math.min(32768, data.length - at));
        }
    }

    /** The alerts the session raised, once the audit queue has written them (closing it: call once). */
    private List<SessionAlert> alerts() {
        audit.close();
        List<SessionAlert> alerts = new ArrayList<>();
        written.forEach(b -> alerts.addAll(b.alerts()));
        return alerts;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
