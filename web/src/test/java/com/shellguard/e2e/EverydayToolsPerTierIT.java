package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The tools people start inside a session, in each tier of command control (same-account: the supervisor runs as
 * the login; privileged: it runs as root and starts the session as the login), through the real client, the
 * shared gateway and one sshd of this class that admits both the login and root by key. In each tier one
 * interactive session is typed into as a person types: a tmux session and a GNU screen session started there,
 * and vim's {@code :sh}, each give a shell that carries the hook, whose command is audited as the hook's and whose
 * forbidden program is BLOCKED; {@code crontab -l}; gdb and strace of the login's own program; and a detached tmux
 * that must not outlive the session. The privileged tier adds {@code sudo -i} and {@code su - sgdash} (with that
 * account's password: this machine's root has none for {@code su -} to ask): they work, and what runs under them
 * stays followed (audited with its uid, a forbidden program refused); the same-account tier refuses both as tamper.
 * {@code sudo CMD} in the
 * privileged tier is PrivilegedTierIT's, sudo's refusal in the same-account tier SupervisorIT's, Ansible's
 * {@code become} AnsibleIT's, and python's {@code pty.spawn} GuardBypassIT's.
 *
 * <p>The login gets passwordless sudo for everything as root, in a sudoers file of this class removed afterwards,
 * and a crontab of one comment line, removed afterwards. tmux runs with a socket of the tier's own name
 * ({@code -L}), so that no other session of the same login on this machine shares its server.
 */
class EverydayToolsPerTierIT {

    /** How often a tmux window's shell is left in one session (the defect it guards against showed once in four). */
    private static final int TMUX_ROUNDS = 8;
    /** How many hooked processes leave while the gateway answers them. */
    private static final int LEAVERS = 300;
    private static final String BLOCKED_WORD = "shellguard: blocked by policy";
    private static final String PTRACE_WORD = "shellguard: ptrace (gdb, strace) cannot run in this session";
    private static final Path SUDOERS = Path.of("/etc/sudoers.d/shellguard-everyday-it");
    /** The account {@code su -} becomes: its password is set by scripts/test.sh; its login shell is dash. */
    private static final String OTHER_LOGIN = TargetServer.DASH_LOGIN;

    private static Fixture fx;
    private static TargetServer target;
    private static Provisioning admin;
    private static Provisioning.Person ann;
    private static Path work;
    private static String forbidden;
    private static String crontabLine;

    @BeforeAll
    static void oneSshdForBothTiers() throws IOException {
        fx = Fixture.shared();
        target = TargetServer.admittingRoot();
        admin = new Provisioning(fx.gateway.admin(), target);
        ann = admin.person("ann");
        work = TargetFiles.directory("sg-tools");
        forbidden = Fixture.unique("sgnope").replaceAll("[^A-Za-z0-9]", "");
        TargetFiles.script(work.resolve(forbidden), "#!/bin/sh\ntouch \"$1\"\n");
        HookPortScript.write(work.resolve("leave-early.sh"), """
                for ((i = 0; i < $1; i++)); do
                  hello_to_hook P || exit 1
                  exec 3>&-
                done
                echo "left-$1"
                """);
        admin.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("no-" + forbidden)) + ",\"match\":\"command\","
                + "\"pattern\":" + Api.quote(forbidden) + ",\"action\":\"BLOCK\",\"users\":[" + Api.quote(ann.name()) + "]}")
                .expect(201);
        Files.writeString(SUDOERS, TargetServer.LOGIN + " ALL=(root) NOPASSWD: ALL\n");
        Files.setPosixFilePermissions(SUDOERS, PosixFilePermissions.fromString("r--r-----"));
        crontabLine = "# " + Fixture.unique("sg-everyday-crontab");
        Path crontab = Files.createTempFile("sg-crontab", ".txt");
        Files.writeString(crontab, crontabLine + "\n");
        Processes.check(List.of("crontab", "-u", TargetServer.LOGIN, crontab.toString()));
        Files.delete(crontab);
    }

    @AfterAll
    static void putTheTargetBack() throws IOException {
        Files.deleteIfExists(SUDOERS);
        Processes.run(List.of("crontab", "-u", TargetServer.LOGIN, "-r"));
        if (target != null) {
            target.close();
        }
    }

    @Nested
    class SameAccountTier extends Tier {

        SameAccountTier() {
            super(CommandControlTier.SAME_ACCOUNT);
        }

        @Test
        @Order(4)
        void crontabListIsRefusedWithTheSupervisorsReasonSinceItIsSetgid() {
            String out = shell.output("crontab -l; echo listed=$?");
            assertTrue(out.contains("shellguard: /usr/bin/crontab is a setuid or setgid program, which cannot gain its privilege"), out);
            assertFalse(out.contains(crontabLine), out);
            fx.awaitAlert(sessionId, a -> "SUPERVISOR_SETUID".equals(a.getString("kind")) && a.getString("detail", "").contains("crontab"),
                    "a SUPERVISOR_SETUID alert naming crontab");
        }

        /**
         * An interactive root or other-account shell is one no layer of this tier could follow (sudo and su are setuid,
         * which an unprivileged tracer cannot let gain privilege): the hook refuses the line as tamper.
         */
        @Test
        @Order(6)
        void sudoDashIAndSuDashAreRefusedAsTamper() {
            for (String line : List.of("sudo -i", "su - " + OTHER_LOGIN)) {
                Set<String> blockedBefore = fx.commandIds(sessionId, "BLOCKED");
                String out = shell.output(line);
                assertTrue(out.contains("shellguard: blocked by policy \"tamper-protection\""), line + ": " + out);
                fx.awaitCommand(sessionId, r -> "BLOCKED".equals(r.getString("verdict", null)) && "tamper-protection".equals(r.getString("rule", null))
                        && !blockedBefore.contains(r.getString("id")), line + ": its BLOCKED row");
            }
            assertEquals(TargetServer.LOGIN, shell.output("id -un"));
        }
    }

    @Nested
    class PrivilegedTier extends Tier {

        PrivilegedTier() {
            super(CommandControlTier.PRIVILEGED);
        }

        @Test
        @Order(4)
        void crontabListShowsTheLoginsCrontab() {
            String out = shell.output("crontab -l; echo listed=$?");
            assertTrue(out.contains(crontabLine) && out.contains("listed=0"), out);
        }

        @Test
        @Order(6)
        void sudoDashIGivesARootShellWhoseProgramsAreAuditedAsRootAndJudged() {
            shell.terminal().line("sudo -i");
            shell.terminal().waitFor("# $");
            String tag = "root" + Long.toHexString(System.nanoTime());
            Path marker = work.resolve("ran-" + tag);
            try {
                shell.terminal().line("/usr/bin/printf '%s-%s\\n' " + tag + " \"$(id -u)\"");
                shell.terminal().waitFor(tag + "-0$");
                Set<String> blockedBefore = fx.commandIds(sessionId, "BLOCKED");
                int refusals = count(BLOCKED_WORD);
                shell.terminal().line(work.resolve(forbidden) + " " + marker);
                awaitMore(BLOCKED_WORD, refusals);
                assertFalse(Files.exists(marker), "the forbidden program ran as root:\n" + shell.terminal().tail());
                JsonObject blocked = fx.awaitCommand(sessionId, r -> "BLOCKED".equals(r.getString("verdict", null))
                        && !blockedBefore.contains(r.getString("id")), "the forbidden program's BLOCKED row under sudo -i");
                assertEquals("0", blocked.getString("uid", ""), blocked.toString());
            } finally {
                shell.terminal().line("exit");
                shell.awaitNext();
            }
            JsonObject printf = fx.awaitCommand(sessionId, r -> "supervisor".equals(r.getString("shell", null))
                    && r.getString("command", "").contains(tag), "the supervisor's row of printf run in the root shell");
            assertEquals("0", printf.getString("uid", ""), printf.toString());
            assertEquals(TargetServer.LOGIN, shell.output("id -un"), "back to the login");
        }

        @Test
        @Order(7)
        void suDashBecomesAnotherAccountWithItsPasswordAndWhatRunsThereIsAudited() {
            String uid = Processes.check(List.of("id", "-u", OTHER_LOGIN)).stdout().trim();
            shell.terminal().line("su - " + OTHER_LOGIN);
            shell.terminal().waitFor("Password: ?$");
            shell.terminal().line(TargetServer.PASSWORD);
            String tag = "su" + Long.toHexString(System.nanoTime());
            try {
                shell.terminal().waitFor("^\\$ $");
                shell.terminal().line("/usr/bin/printf '%s-%s\\n' " + tag + " \"$(id -un)\"");
                shell.terminal().waitFor(tag + "-" + OTHER_LOGIN + "$");
            } finally {
                shell.terminal().line("exit");
                shell.awaitNext();
            }
            JsonObject printf = fx.awaitCommand(sessionId, r -> "supervisor".equals(r.getString("shell", null))
                    && r.getString("command", "").contains(tag), "the supervisor's row of printf run after su");
            assertEquals(uid, printf.getString("uid", ""), printf.toString());
        }
    }

    /** One tier: a server of it, and one interactive session there, typed into by the tests in order. */
    abstract class Tier extends TierSession {

        private final String socket;

        Tier(CommandControlTier tier) {
            super(tier);
            this.socket = "sg-" + tier.label + "-" + Long.toHexString(System.nanoTime());
        }

        /** How often the terminal (its scrollback included) shows the text. */
        int count(String text) {
            String screen = shell.terminal().screen();
            int n = 0;
            for (int at = screen.indexOf(text); at >= 0; at = screen.indexOf(text, at + 1)) {
                n++;
            }
            return n;
        }

        /** Waits until the terminal shows the text more often than {@code before} times. */
        void awaitMore(String text, int before) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count(text) <= before && System.nanoTime() < deadline) {
                Processes.sleep(Duration.ofMillis(100));
            }
            assertTrue(count(text) > before, "the terminal never showed " + text + " again; it shows:\n" + shell.terminal().tail());
        }

        @Override
        HookedShell open() {
            return tier.openHookedShell(admin, OpenSshClient.withKey(fx.gateway.sshPort(), ann.key()), ann, "tools");
        }

        @Override
        void prepare(HookedShell session) {
            assertTrue(Provisioning.strings(session.hook().getJsonArray("layers")).contains("supervisor"), session.session().toString());
            shell.run("cd " + work);
        }

        /**
         * In the shell the screen shows now (inside tmux, screen or vim): it carries the hook's trap, a command typed
         * there is the hook's audit row, and the forbidden program is refused by the hook and audited BLOCKED.
         */
        void theInnerShellIsHooked(String where) {
            String tag = where + Long.toHexString(System.nanoTime());
            shell.terminal().line("ls /" + tag + " 2>/dev/null; trap -p DEBUG | grep -c __sg_ | sed 's/^/" + tag + "-tr''aps=/'");
            String screen = shell.terminal().waitFor(tag + "-traps=\\d");
            assertTrue(screen.contains(tag + "-traps=1"), where + ": the inner shell carries the hook's trap:\n" + screen);
            fx.awaitCommand(sessionId, r -> r.getString("command", "").contains("/" + tag) && "bash".equals(r.getString("shell", null)),
                    where + ": the hook's audit row of ls typed in the inner shell");
            Path marker = work.resolve("ran-" + tag);
            Set<String> blockedBefore = fx.commandIds(sessionId, "BLOCKED");
            int refusals = count(BLOCKED_WORD);
            shell.terminal().line("./" + forbidden + " " + marker);
            awaitMore(BLOCKED_WORD, refusals);
            assertFalse(Files.exists(marker), where + ": the forbidden program ran:\n" + shell.terminal().tail());
            fx.awaitCommand(sessionId, r -> "BLOCKED".equals(r.getString("verdict", null)) && "bash".equals(r.getString("shell", null))
                    && !blockedBefore.contains(r.getString("id")), where + ": the hook's BLOCKED row of the forbidden program");
        }

        /**
         * In one run of four the privileged tier's session ended when the window's shell exited, the target closing
         * without an exit status: an open defect the README names.
         */
        @Test
        @Order(1)
        void aCommandTypedInATmuxWindowIsHookedAuditedAndJudged() {
            shell.terminal().line("tmux -L " + socket + " new-session -s work");
            try {
                shell.terminal().waitFor("\\[work\\]");
                shell.terminal().line("cd " + work);
                theInnerShellIsHooked("tmux");
            } finally {
                shell.terminal().line("exit");
                shell.awaitNext();
            }
        }

        /**
         * The shell of a tmux window exiting ends its window and, the last one, the tmux server and client: never the
         * session. Round after round a tmux session is started and its window's shell left, and the command typed at
         * the session's own prompt next still runs, reported by the hook and by the supervisor.
         */
        @Test
        @Order(2)
        void theSessionOutlivesEachTmuxWindowWhoseShellExitsAndStaysHookedAndAudited() {
            for (int round = 1; round <= TMUX_ROUNDS; round++) {
                shell.terminal().line("tmux -L " + socket + " new-session -s round" + round);
                shell.terminal().waitFor("\\[round" + round + "\\]");
                shell.terminal().line("exit");
                shell.awaitNext();
                theSessionStillRunsHooked("round " + round + " of tmux");
            }
        }

        /**
         * What ended the session at a tmux window's exit: a hooked process that leaves while the gateway is answering
         * it. sshd frees the channel of its connection at once, and a reply the gateway wrote after its own close
         * made OpenSSH drop the whole connection. Here a process of the session connects to the hook's port (with the
         * session's key, which the login can read), says hello, asks for the policy and leaves without reading the
         * answer, {@value #LEAVERS} times.
         */
        @Test
        @Order(2)
        void hookedProcessesThatLeaveWhileTheGatewayAnswersThemLeaveTheSessionRunning() {
            String out = shell.output("bash leave-early.sh " + LEAVERS);
            assertTrue(out.contains("left-" + LEAVERS), out);
            theSessionStillRunsHooked("after " + LEAVERS + " hooked processes left early");
        }

        /** The session's shell still answers, and the command typed there is reported by the hook and the supervisor. */
        void theSessionStillRunsHooked(String when) {
            String tag = "alive" + Long.toHexString(System.nanoTime());
            String out = shell.output("ls -d /" + tag + " 2>/dev/null; echo " + tag + "-answers");
            assertTrue(out.contains(tag + "-answers"), when + ": the session's shell answers:\n" + out);
            fx.awaitCommand(sessionId, r -> "bash".equals(r.getString("shell", null)) && r.getString("command", "").contains("/" + tag),
                    when + ": the hook's row of the next command");
            fx.awaitCommand(sessionId, r -> "supervisor".equals(r.getString("shell", null)) && r.getString("command", "").contains("/" + tag),
                    when + ": the supervisor's row of the next command");
        }

        @Test
        @Order(2)
        void aCommandTypedInAGnuScreenWindowIsHookedAuditedAndJudged() {
            shell.terminal().line("screen -S work-" + tier.label);
            try {
                String screen = shell.terminal().waitFor("Press Space|[$#] $");
                if (screen.contains("Press Space")) {
                    shell.terminal().press("Space");
                }
                shell.terminal().line("cd " + work);
                theInnerShellIsHooked("screen");
            } finally {
                shell.terminal().line("exit");
                shell.awaitNext();
            }
        }

        @Test
        @Order(3)
        void vimsShellCommandGivesAHookedShell() {
            shell.terminal().line("vim");
            shell.terminal().waitFor("VIM - Vi IMproved|^~");
            shell.terminal().type(":sh");
            shell.terminal().press("Enter");
            try {
                shell.terminal().waitFor("[$#] $");
                theInnerShellIsHooked("vim");
            } finally {
                shell.terminal().line("exit");
                Processes.sleep(Duration.ofMillis(500));
                shell.terminal().press("Escape");
                shell.terminal().type(":q!");
                shell.press("Enter");
            }
        }

        /** The supervisor is every process's tracer, and a process has one: both fail, and the user is told why. */
        @Test
        @Order(5)
        void straceAndGdbOfTheLoginsOwnProgramAreRefusedWithTheSupervisorsWord() {
            String strace = shell.output("strace -o /dev/null /usr/bin/true; echo strace=$?");
            assertTrue(strace.contains(PTRACE_WORD) && strace.contains("strace=1"), strace);
            String gdb = shell.output("sleep 300 & gdb -q -batch -p $! 2>&1 | grep -E '^(shellguard|ptrace):'; kill %1");
            assertTrue(gdb.contains(PTRACE_WORD) && gdb.contains("ptrace: Operation not permitted"), gdb);
        }

        @Test
        @Order(100)
        void aDetachedTmuxEndsWithTheSession() {
            shell.run("tmux -L " + socket + "-left new-session -d 'sleep 4242'");
            assertEquals(0, Processes.run(List.of("pgrep", "-u", TargetServer.LOGIN, "-f", socket + "-left")).exitCode(),
                    "the detached tmux server runs");
            shell.terminal().line("exit");
            assertEquals(0, shell.terminal().awaitExit());
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (Processes.run(List.of("pgrep", "-u", TargetServer.LOGIN, "-f", socket + "-left")).exitCode() == 0
                    && System.nanoTime() < deadline) {
                Processes.sleep(Duration.ofMillis(200));
            }
            assertEquals(1, Processes.run(List.of("pgrep", "-u", TargetServer.LOGIN, "-f", socket + "-left")).exitCode(),
                    "a tmux server of the session outlived it");
        }
    }
}
