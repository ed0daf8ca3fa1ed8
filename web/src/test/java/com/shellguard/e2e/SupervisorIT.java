package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor of the same-account tier, through the real client, gateway and sshd: the program starts neither
 * the shell hook nor the exec guard can see (a statically linked launcher, a raw execve system call from a
 * dynamically linked program, a program run from memory through memfd_create and execveat) are seen by the
 * session's ptrace tracer, refused before they run when a rule forbids them, and audited with path, argv, cwd,
 * uid and parent (shell {@code supervisor}, origin {@code program}). sudo, which cannot gain privilege under an
 * unprivileged tracer, is refused with a clear word and an alert, never silently broken. A line rule judges a start's
 * whole command line, however much padding comes before the forbidden word. Killing the supervisor
 * ends the session, with a SUPERVISOR_LOST alert. A label whose command default switches the supervisor off gets
 * sudo back (and loses the supervisor's watch), except on strict servers. The programs are compiled here with gcc,
 * as a user would.
 */
class SupervisorIT {

    private static Fixture fx;
    private static String server;
    private static Fixture.Person mallory;
    private static Path work;
    private static ShellSession shell;
    private static String sessionId;
    private static String forbidden;

    @BeforeAll
    static void compileTheProgramsAndOpenAHookedShell() throws IOException {
        fx = Fixture.shared();
        server = fx.server("supervised", true);
        mallory = fx.person("mallory");
        fx.grant(mallory, server, TargetServer.LOGIN);
        work = TargetFiles.directory("sg-supervisor");
        forbidden = Fixture.unique("sgforbidden").replaceAll("[^A-Za-z0-9]", "");
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("no-" + forbidden)) + ",\"match\":\"command\","
                + "\"pattern\":" + Api.quote(forbidden) + ",\"action\":\"BLOCK\",\"users\":[" + Api.quote(mallory.name()) + "]}")
                .expect(201);
        // the forbidden program leaves a marker when it runs; it is statically linked, as a Go binary would be
        compile(forbidden, true, "#include <stdio.h>\nint main(int c, char **v) { FILE *f = fopen(v[1], \"w\"); "
                + "return f ? 0 : 1; }\n");
        // a static launcher and a dynamic one that both make the execve system call themselves
        String raw = "#include <unistd.h>\n#include <sys/syscall.h>\nint main(int c, char **v) { "
                + "char *a[] = {v[1], v[2], 0}, *e[] = {0}; syscall(SYS_execve, v[1], a, e); return 99; }\n";
        compile("launch-static", true, raw);
        compile("launch-raw", false, raw);
        compile("from-memory", false, "#define _GNU_SOURCE\n#include <fcntl.h>\n#include <sys/mman.h>\n"
                + "#include <sys/syscall.h>\n#include <unistd.h>\nint main(int c, char **v) { int fd = memfd_create(\"sgmem\", 0);"
                + " int in = open(v[1], O_RDONLY); char b[65536]; ssize_t n; while ((n = read(in, b, sizeof b)) > 0) "
                + "if (write(fd, b, n) != n) return 97; char *a[] = {\"from-memory\", v[2], 0}, *e[] = {0}; "
                + "syscall(SYS_execveat, fd, \"\", a, e, AT_EMPTY_PATH); return 98; }\n");
        shell = ShellSession.open(fx.keyClient(mallory), mallory.name() + "@" + TargetServer.LOGIN + "@" + server, "bash");
        sessionId = fx.awaitSession(mallory.name(), s -> !Fixture.has(s, "end")).getString("id");
        shell.run("cd " + work);
    }

    private static void compile(String name, boolean statically, String source) throws IOException {
        Path c = work.resolve(name + ".c");
        TargetFiles.file(c, source);
        Processes.Result built = Processes.run(statically
                ? List.of("gcc", "-static", "-o", work.resolve(name).toString(), c.toString())
                : List.of("gcc", "-o", work.resolve(name).toString(), c.toString()));
        assertEquals(0, built.exitCode(), built.output());
    }

    @AfterAll
    static void closeTheShell() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void theSessionSaysItIsSupervisedInTheSameAccountTier() {
        JsonObject session = fx.awaitSession(mallory.name(), s -> sessionId.equals(s.getString("id")) && Fixture.has(s, "hook")
                && s.get("hook") instanceof JsonObject h && h.containsKey("tier"));
        JsonObject hook = session.getJsonObject("hook");
        assertEquals("same-account", hook.getString("tier"), session.toString());
        assertTrue(Fixture.strings(hook.getJsonArray("layers")).containsAll(List.of("hook", "guard", "supervisor")), session.toString());
    }

    @Test
    void aStaticallyLinkedProgramARuleForbidsNeverRunsWhenAStaticProgramStartsIt() {
        assertRefused("./launch-static ./" + forbidden);
    }

    @Test
    void aRawExecveSystemCallFromADynamicProgramIsSeenAndRefused() {
        assertRefused("./launch-raw ./" + forbidden);
    }

    private void assertRefused(String line) {
        Path marker = work.resolve("ran-" + System.nanoTime());
        Set<String> blockedBefore = fx.commandIds(sessionId, "BLOCKED");
        shell.run(line + " " + marker);
        assertFalse(Files.exists(marker), "the forbidden program ran:\n" + shell.terminal().tail());
        assertTrue(shell.terminal().screen().contains("shellguard: blocked by policy"), shell.terminal().tail());
        JsonObject row = fx.awaitCommand(sessionId, r -> "BLOCKED".equals(r.getString("verdict", null))
                && "supervisor".equals(r.getString("shell", null)) && !blockedBefore.contains(r.getString("id")),
                "a new BLOCKED row from the supervisor for " + line);
        assertEquals("program", row.getString("origin"), row.toString());
        assertEquals(work.resolve(forbidden).toString(), row.getString("path", ""), row.toString());
    }

    @Test
    void aProgramRunFromMemoryIsSeenAndAuditedWithPathArgvCwdUidAndParent() throws IOException {
        String uid = Processes.check(List.of("id", "-u", TargetServer.LOGIN)).stdout().trim();
        String tag = "mem" + Long.toHexString(System.nanoTime());
        shell.run("./from-memory /usr/bin/true " + tag);
        JsonObject row = fx.awaitCommand(sessionId, r -> "supervisor".equals(r.getString("shell", null))
                && r.getString("command", "").equals("from-memory " + tag), "the supervisor's row for the memfd start");
        assertTrue(row.getString("path", "").startsWith("/memfd:sgmem"), row.toString());
        assertEquals("ALLOWED", row.getString("verdict"), row.toString());
        assertEquals(work.toString(), row.getString("cwd", ""), row.toString());
        assertEquals(uid, row.getString("uid", ""), row.toString());
        assertTrue(row.getString("parent", "").matches("\\d+ /.*bash"), "the hooked bash started it: " + row);
        assertEquals("program", row.getString("origin"), row.toString());
    }

    @Test
    void sudoIsRefusedWithAClearWordAndAnAlertRatherThanSilentlyBroken() {
        String out = shell.output("sudo -n true; echo status=$?");
        assertTrue(out.contains("is a setuid or setgid program, which cannot gain its privilege"), out);
        assertTrue(out.contains("status=137"), out);
        fx.awaitAlert(sessionId, a -> "SUPERVISOR_SETUID".equals(a.getString("kind")), "a SUPERVISOR_SETUID alert");
    }

    @Test
    void aLabelWithTheSupervisorSwitchedOffRunsSudoWithItsPrivilegeAndNoSupervisorAlert() {
        String label = unsupervisedLabel();
        String plain = fx.server("unsupervised", true);
        fx.admin.put("/servers/" + plain, "{\"labels\":[" + Api.quote(label) + "]}").expect(200);
        Fixture.Person p = fx.person("sudoer");
        fx.grant(p, plain, TargetServer.LOGIN);
        Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + plain, "sudo -n /usr/bin/id -u");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().lines().anyMatch("0"::equals), r.output());
        JsonObject session = endedWithLayers(p);
        List<String> layers = Fixture.strings(session.getJsonObject("hook").getJsonArray("layers"));
        assertTrue(layers.contains("hook") && !layers.contains("supervisor"), session.toString());
        assertTrue(fx.admin.get("/audit/alerts?session=" + session.getString("id") + "&limit=1000").expect(200).array().stream()
                .map(a -> a.asJsonObject().getString("kind")).noneMatch(k -> k.startsWith("SUPERVISOR_")), session.toString());
    }

    @Test
    void aStrictServerKeepsTheSupervisorWhenOneOfItsLabelsSwitchesItOff() {
        String label = unsupervisedLabel();
        String strict = fx.server("strictsup", true);
        fx.admin.put("/servers/" + strict, "{\"labels\":[\"strict\"," + Api.quote(label) + "]}").expect(200);
        Fixture.Person p = fx.person("strictsudoer");
        fx.grant(p, strict, TargetServer.LOGIN);
        Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + strict, "sudo -n /usr/bin/id -u; echo status=$?");
        assertTrue(r.stdout().contains("status=137"), r.output());
        JsonObject session = endedWithLayers(p);
        assertTrue(Fixture.strings(session.getJsonObject("hook").getJsonArray("layers")).contains("supervisor"), session.toString());
    }

    private static String unsupervisedLabel() {
        String label = Fixture.unique("unsupervised");
        JsonObject set = fx.admin.put("/command-defaults/" + label, "{\"mode\":\"allow\",\"supervisor\":\"off\"}").expect(200)
                .object();
        assertEquals("off", set.getString("supervisor"), set.toString());
        return label;
    }

    private static JsonObject endedWithLayers(Fixture.Person p) {
        return fx.awaitSession(p.name(), s -> Fixture.has(s, "end") && s.get("hook") instanceof JsonObject h && h.containsKey("layers"));
    }

    /**
     * A forbidden word after 108 KB of padding arguments, in a start only the supervisor sees (a static launcher's raw
     * execve, its arguments read from a file, so neither the hook nor the guard ever holds the word): the supervisor once
     * sent the first 64 KiB of the argv, and the word escaped the line rule. Now the whole command line is judged.
     */
    @Test
    void aLineRuleJudgesAStartsWholeCommandLinePastItsPadding() throws IOException {
        Fixture.Person p = fx.person("padder");
        fx.grant(p, server, TargetServer.LOGIN);
        String word = Fixture.unique("sgsecret").replaceAll("[^A-Za-z0-9]", "");
        String rule = Fixture.unique("no-" + word);
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(rule) + ",\"match\":\"line\",\"pattern\":"
                + Api.quote("\\b" + word + "\\b") + ",\"action\":\"BLOCK\",\"users\":[" + Api.quote(p.name()) + "]}").expect(201);
        compile("launch-lines", true, "#include <stdio.h>\n#include <string.h>\n#include <unistd.h>\n#include <sys/syscall.h>\n"
                + "static char buf[1 << 21]; static char *a[1 << 17];\n"
                + "int main(int c, char **v) { int n = 0; a[n++] = v[1]; size_t len = fread(buf, 1, sizeof buf - 1, stdin);"
                + " buf[len] = 0; for (char *s = strtok(buf, \"\\n\"); s && n < (1 << 17) - 1; s = strtok(0, \"\\n\")) a[n++] = s;"
                + " char *e[] = {0}; syscall(SYS_execve, v[1], a, e); return 99; }\n");
        StringBuilder args = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            args.append(i).append('\n');
        }
        Path argsFile = work.resolve("padded-args-" + System.nanoTime()); // its name must not hold the word: the hook judges it
        TargetFiles.file(argsFile, args.append(word).append('\n').toString());

        Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + server,
                "cd " + work + " && ./launch-lines /bin/echo < " + argsFile + "; echo status=$?");
        assertFalse(r.stdout().contains("20000 " + word), "the padded command ran:\n" + r.output());
        assertTrue(r.stdout().contains("status=137") && r.output().contains("shellguard: blocked by policy \"" + rule + "\""),
                r.output());
        String session = fx.awaitSession(p.name(), s -> Fixture.has(s, "end")).getString("id");
        JsonObject row = fx.awaitCommand(session, c -> "BLOCKED".equals(c.getString("verdict", null))
                && "supervisor".equals(c.getString("shell", null)), "the supervisor's BLOCKED row");
        assertEquals(rule, row.getString("rule", ""), row.toString());
        String text = row.getString("command", "");
        assertTrue(text.startsWith("/bin/echo 1 2 3 ") && text.matches("(?s).* \\[cut by the audit: \\d{6} characters in all\\]"),
                "the row keeps the start of the whole line and says how long it was: " + text.substring(Math.max(0, text.length() - 120)));
    }

    @Test
    void aKeyFilePlantedAndRemovedWithinTheSessionRaisesAStartupFileAlertForEachChange() {
        Fixture.Person p = fx.person("planter");
        fx.grant(p, server, TargetServer.LOGIN);
        PlantedKey.plantAndAwaitAlerts(fx, p.name(), command -> fx.keyClient(p).ssh(p.name() + "@" + server, command));
    }

    @Test
    void killingTheSupervisorEndsTheSessionWithAnAlert() {
        Fixture.Person p = fx.person("killer");
        fx.grant(p, server, TargetServer.LOGIN);
        Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + server, "kill -9 $PPID; sleep 5; echo survived");
        assertFalse(r.stdout().contains("survived"), r.output());
        JsonObject session = fx.awaitSession(p.name(), s -> Fixture.has(s, "end"));
        JsonObject alert = fx.awaitAlert(session.getString("id"), a -> "SUPERVISOR_LOST".equals(a.getString("kind")),
                "a SUPERVISOR_LOST alert");
        assertFalse(alert.getString("detail", "").isBlank(), alert.toString());
    }

    @Test
    void stoppingTheSupervisorEndsTheSessionWhenItsHeartbeatFallsSilent() {
        Fixture.Person p = fx.person("stopper");
        fx.grant(p, server, TargetServer.LOGIN);
        String marker = "sg-stopped-" + p.name();
        try {
            // the supervisor's pid goes to a file first: once it is stopped, no program of the session starts any more
            Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + server,
                    "echo $PPID > /tmp/" + marker + "; kill -STOP $PPID; sleep 60; echo survived");
            assertFalse(r.stdout().contains("survived"), r.output());
            JsonObject session = fx.awaitSession(p.name(), s -> Fixture.has(s, "end"));
            JsonObject alert = fx.awaitAlert(session.getString("id"), a -> "SUPERVISOR_LOST".equals(a.getString("kind")),
                    "a SUPERVISOR_LOST alert for the silent heartbeat");
            assertTrue(alert.getString("detail", "").contains("heartbeat"), alert.toString());
        } finally {
            try {
                String pid = Files.readString(Path.of("/tmp/" + marker)).strip();
                Processes.run(List.of("kill", "-9", pid), null, Duration.ofSeconds(10));
                Files.deleteIfExists(Path.of("/tmp/" + marker));
            } catch (IOException e) {
                // nothing was stopped
            }
        }
    }
}
