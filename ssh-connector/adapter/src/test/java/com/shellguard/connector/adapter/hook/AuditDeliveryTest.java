package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.SessionSummary;
import com.shellguard.connector.api.TypedLine;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's way to the database while the database comes and goes: every batch written once, in order, from memory
 * and from the spool on disk, across a restart of the node, with the alerts that say what happened.
 */
class AuditDeliveryTest {

    @TempDir
    Path dir;

    /** The application's side: takes batches while {@code up}, refuses them (as a database that is away) otherwise. */
    private static final class Database {
        boolean up = true;
        final List<CommandRecordBatch> written = new ArrayList<>();

        GatewayListener listener() {
            return (GatewayListener) Proxy.newProxyInstance(GatewayListener.class.getClassLoader(),
                    new Class<?>[] {GatewayListener.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("recordCommands")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        if (!up) {
                            throw new IllegalStateException("Connection to 127.0.0.1:5432 refused");
                        }
                        written.add((CommandRecordBatch) args[0]);
                        return null;
                    });
        }

        /** The typed lines written, in order, by their text. */
        List<String> lines() {
            return written.stream().flatMap(b -> b.lines().stream()).map(TypedLine::text).toList();
        }

        List<SessionAlert.Kind> alerts() {
            return written.stream().flatMap(b -> b.alerts().stream()).map(SessionAlert::kind).toList();
        }
    }

    private final AtomicLong now = new AtomicLong(1_000_000);

    private AuditDelivery delivery(Database db, AuditSpool spool, int memoryLimit) {
        return new AuditDelivery(db.listener(), spool, memoryLimit, now::get);
    }

    private static CommandRecordBatch lines(AuditDelivery delivery, int from, int count) {
        List<TypedLine> lines = IntStream.range(from, from + count).mapToObj(i -> new TypedLine("s1", "l" + i, "line " + i, 0)).toList();
        return new CommandRecordBatch(delivery.newKey(), List.of(), List.of(), lines, List.of(), List.of());
    }

    private static List<String> expected(int count) {
        return IntStream.range(0, count).mapToObj(i -> "line " + i).toList();
    }

    /** Delivers until nothing waits, moving the clock past every pause. */
    private void drain(AuditDelivery delivery) {
        for (int i = 0; i < 100 && !delivery.idle(); i++) {
            now.addAndGet(AuditDelivery.MAX_PAUSE_MILLIS);
            delivery.deliver();
        }
    }

    @Test
    void whatTheDatabaseRefusedIsWrittenOnceInOrderWhenItIsBackWithAnAlertThatItWasLate() {
        Database db = new Database();
        AuditDelivery delivery = delivery(db, new AuditSpool(dir, 1 << 20), 1000);
        delivery.offer(lines(delivery, 0, 3));
        delivery.deliver();
        db.up = false;
        delivery.offer(lines(delivery, 3, 3));
        delivery.deliver();
        assertTrue(delivery.unwritable().orElseThrow().contains("Connection to 127.0.0.1:5432 refused"));
        delivery.offer(lines(delivery, 6, 3));
        delivery.deliver();
        db.up = true;
        delivery.deliver();
        assertEquals(expected(3), db.lines(), "nothing is tried again before the pause after a failure is over");
        drain(delivery);

        assertEquals(expected(9), db.lines());
        assertEquals(List.of(SessionAlert.Kind.AUDIT_DELAYED), db.alerts());
        assertTrue(db.written.get(db.written.size() - 1).alerts().get(0).detail().contains("the 6 audit events"),
                db.written.get(db.written.size() - 1).toString());
        assertTrue(delivery.unwritable().isEmpty());
        assertEquals(db.written.size(), db.written.stream().map(CommandRecordBatch::key).distinct().count(), "one key per batch");
    }

    @Test
    void pastTheMemoryLimitBatchesGoToTheSpoolWhichARestartedNodeWritesFirst() throws Exception {
        Database db = new Database();
        db.up = false;
        AuditDelivery delivery = delivery(db, new AuditSpool(dir, 1 << 20), 5);
        delivery.offer(lines(delivery, 0, 4));
        delivery.deliver();
        delivery.offer(lines(delivery, 4, 4));
        delivery.offer(lines(delivery, 8, 4));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "the two batches past the limit of 5 are on disk");
        }
        delivery.close();
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "a clean stop spools what memory held");
        }

        db.up = true;
        AuditDelivery restarted = delivery(db, new AuditSpool(dir, 1 << 20), 5);
        restarted.offer(lines(restarted, 12, 2));
        drain(restarted);

        assertEquals(expected(14), db.lines(), "the spool, oldest first, then what the new run made");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void whileTheDatabaseIsAwayLongLinesGoToTheSpoolByTheirSizeNotTheirCount() throws Exception {
        Database db = new Database();
        db.up = false;
        AuditDelivery delivery = delivery(db, new AuditSpool(dir, 1 << 24), 70);
        String line = "x".repeat(AuditSize.TEXT);
        for (int i = 0; i < 4; i++) {
            delivery.offer(new CommandRecordBatch(delivery.newKey(), List.of(), List.of(),
                    List.of(new TypedLine("s1", "l" + i, line, 0)), List.of(), List.of()));
            delivery.deliver();
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "each line of 8192 characters weighs 33 of the limit of 70: two of the four fit in memory");
        }
        db.up = true;
        drain(delivery);
        assertEquals(4, db.lines().size());
    }

    @Test
    void aFullSpoolDropsWhatDoesNotFitAndSaysHowMuchAndTheEndsOfSessionsTravelWithTheRest() {
        Database db = new Database();
        db.up = false;
        AuditDelivery delivery = delivery(db, new AuditSpool(dir, 2000), 2);
        delivery.offer(lines(delivery, 0, 2));
        delivery.deliver();
        delivery.offer(new CommandRecordBatch(delivery.newKey(), List.of(), List.of(), List.of(), List.of(),
                List.of(new SessionSummary("s1", 10, 20, 0, null, 5))));
        for (int i = 0; i < 20; i++) {
            delivery.offer(lines(delivery, 100 + 3 * i, 3));
        }
        assertTrue(delivery.unwritable().isPresent());
        db.up = true;
        drain(delivery);

        assertEquals(List.of("line 0", "line 1"), db.lines().subList(0, 2));
        assertEquals(1, db.written.stream().mapToLong(b -> b.ends().size()).sum(), "the session's end, spooled, is written");
        List<SessionAlert> alerts = db.written.stream().flatMap(b -> b.alerts().stream()).toList();
        assertEquals(List.of(SessionAlert.Kind.AUDIT_DELAYED, SessionAlert.Kind.AUDIT_SPOOLED, SessionAlert.Kind.AUDIT_LOST),
                alerts.stream().map(SessionAlert::kind).toList());
        long written = db.lines().size() - 2;
        long lost = 60 - written;
        assertTrue(lost > 0 && written > 0, "some fit, some did not: " + written);
        assertTrue(alerts.get(2).detail().startsWith(lost + " audit events"), alerts.get(2).detail());
        assertFalse(delivery.unwritable().isPresent());
    }
}
