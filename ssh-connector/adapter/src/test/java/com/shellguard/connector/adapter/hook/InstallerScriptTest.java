package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The installer (scripts/target/install/install.sh) with a session's parameters before it, run by a real /bin/sh
 * as sshd runs it; a local listener stands in for the forwarded port.
 */
class InstallerScriptTest {

    private static final ServerSocket FORWARD = listener();

    private static ServerSocket listener() {
        try {
            return new ServerSocket(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String run(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-s").redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String status(String output) {
        return output.lines().filter(l -> l.startsWith(InstallerScript.STATUS)).findFirst().orElse(output);
    }

    @Test
    void theFilesLandInAPrivateDirectoryWithTheSecretAndTheCommandVerbatim() throws Exception {
        Path base = Files.createTempDirectory("sg-installer");
        String command = "printf '%s\\n' \"$HOME\" 'SG_EOF' `id -u`; echo done";
        String key = "k3y'$(id)\\";
        String out = run(InstallerScript.build(Map.of("hook.bash", "echo hook\n", "start", "echo start"), FORWARD.getLocalPort(), key, command),
                Map.of("TMPDIR", base.toString(), "SHELL", "/bin/bash", "XDG_RUNTIME_DIR", ""));
        String[] s = status(out).split(" ");
        assertEquals("ok", s[1], out);
        Path dir = Path.of(s[2]);
        assertTrue(dir.startsWith(base));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("port=" + FORWARD.getLocalPort() + "\nkey=" + key + "\n", Files.readString(dir.resolve("session")));
        assertEquals("echo hook\n", Files.readString(dir.resolve("hook.bash")));
        assertEquals("echo start\n", Files.readString(dir.resolve("start")));
        assertEquals(command + "\n", Files.readString(dir.resolve("command")));
        assertEquals("bash", s[3]);
    }

    @Test
    void whatIsSentIsTheInstallerFileAfterTheSessionsParameters() throws Exception {
        String file = Files.readString(Path.of("../../scripts/target/install/install.sh"));
        String sent = InstallerScript.build(Map.of("hook.bash", "", "start", ""), FORWARD.getLocalPort(), "k", "ls");
        assertTrue(sent.endsWith("\n" + file), sent);
        assertTrue(sent.startsWith("sg_port=" + FORWARD.getLocalPort() + "\nsg_key='k'\nset -- \\\n"), sent);
    }

    @Test
    void theInstallerStartedWithoutItsParametersSaysSo() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "../../scripts/target/install/install.sh", "file", "start")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(InstallerScript.STATUS + " unavailable the installer was started without its parameters",
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split(" \\(")[0]);
    }

    @Test
    void aDirectoryWhoseSessionShellIsGoneIsRemovedAndALiveOneKept() throws Exception {
        Path base = Files.createTempDirectory("sg-installer");
        Path stale = Files.createDirectories(base.resolve(".shellguard-stale00001"));
        Files.writeString(stale.resolve("shell.pid"), "999999999\n");
        Path live = Files.createDirectories(base.resolve(".shellguard-live000001"));
        Files.writeString(live.resolve("shell.pid"), ProcessHandle.current().pid() + "\n");
        run(InstallerScript.build(Map.of("hook.bash", "", "start", ""), FORWARD.getLocalPort(), "k", null),
                Map.of("TMPDIR", base.toString(), "SHELL", "/bin/bash", "XDG_RUNTIME_DIR", ""));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live));
    }

    @Test
    void anUnsupportedLoginShellIsReportedNotGuessed() throws Exception {
        Path base = Files.createTempDirectory("sg-installer");
        String out = run(InstallerScript.build(Map.of("hook.bash", "", "start", ""), FORWARD.getLocalPort(), "k", null),
                Map.of("TMPDIR", base.toString(), "SHELL", "/usr/bin/fish", "XDG_RUNTIME_DIR", ""));
        assertTrue(status(out).startsWith(InstallerScript.STATUS + " unavailable the login shell /usr/bin/fish"), out);
    }

    @Test
    void aPosixLoginShellRunsAsBash() throws Exception {
        Path base = Files.createTempDirectory("sg-installer");
        String out = run(InstallerScript.build(Map.of("hook.bash", "", "start", ""), FORWARD.getLocalPort(), "k", null),
                Map.of("TMPDIR", base.toString(), "SHELL", "/bin/dash", "XDG_RUNTIME_DIR", ""));
        assertEquals(List.of("ok", "bash"), List.of(status(out).split(" ")[1], status(out).split(" ")[3]), out);
    }

    private static String statusOf(String prefix, String output) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(output);
    }

    private static String machine() throws IOException {
        return new String(new ProcessBuilder("uname", "-m").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    /** Runs a bash session's installer with these native libraries into a fresh temporary directory. */
    private static String installWith(Map<String, byte[]> guards, Map<String, byte[]> lanes) throws Exception {
        return installWith(new InstallerScript.Natives(guards, lanes, Map.of()));
    }

    private static String installWith(InstallerScript.Natives natives) throws Exception {
        return installWith(natives, true);
    }

    private static String installWith(InstallerScript.Natives natives, boolean supervisor) throws Exception {
        Path base = Files.createTempDirectory("sg-installer");
        return run(InstallerScript.build(Map.of("hook.bash", "", "start", ""), natives, FORWARD.getLocalPort(), "k", null, null,
                supervisor),
                Map.of("TMPDIR", base.toString(), "SHELL", "/bin/bash", "XDG_RUNTIME_DIR", ""));
    }

    private static Path directory(String output) {
        return Path.of(status(output).split(" ")[2]);
    }

    @Test
    void theExecGuardForThisMachineIsWrittenBesideTheHookAndLoadsHere() throws Exception {
        Map<String, byte[]> guards = TargetLibraries.load(TargetLibraries.GUARD).byArchitecture();
        String arch = machine();
        assertTrue(guards.containsKey(arch), "the build made no exec guard for " + arch + ": " + guards.keySet());
        String out = installWith(guards, Map.of());
        assertEquals(InstallerScript.GUARD_STATUS + " ok", statusOf(InstallerScript.GUARD_STATUS, out), out);
        assertTrue(java.util.Arrays.equals(guards.get(arch), Files.readAllBytes(directory(out).resolve("guard.so"))));
    }

    @Test
    void theInstallerNamesItsMachineAndThatMachinesPartsAloneArmEverythingAsAllOfThemDo() throws Exception {
        InstallerScript.Natives all = new InstallerScript.Natives(TargetLibraries.load(TargetLibraries.GUARD).byArchitecture(),
                TargetLibraries.load(TargetLibraries.LANE).byArchitecture(), TargetLibraries.load(TargetLibraries.SUPERVISOR).byArchitecture());
        String full = installWith(all);
        String machine = statusOf(InstallerScript.MACHINE_STATUS, full).substring(InstallerScript.MACHINE_STATUS.length()).trim();
        assertEquals(machine(), machine, full);

        InstallerScript.Natives mine = all.forMachine(machine);
        assertEquals(java.util.Set.of(machine), mine.guards().keySet());
        String alone = installWith(mine);
        for (String part : List.of(InstallerScript.GUARD_STATUS, InstallerScript.LANE_STATUS, InstallerScript.SUPERVISOR_STATUS)) {
            assertEquals(statusOf(part, full), statusOf(part, alone), alone);
        }
        assertTrue(InstallerScript.build(Map.of(), mine, 1, "k", null, null, true).length() * 4
                < InstallerScript.build(Map.of(), all, 1, "k", null, null, true).length(), "a machine's parts are a fraction of all");

        InstallerScript.Natives musl = all.forMachine("x86_64-musl");
        assertEquals(all.guards().containsKey("x86_64-musl") ? java.util.Set.of("x86_64-musl") : java.util.Set.of(), musl.guards().keySet());
        assertEquals(java.util.Set.of("x86_64"), musl.supervisors().keySet(), "the static supervisor serves musl machines too");
    }

    @Test
    void anExecGuardThatDoesNotLoadIsRemovedAndReportedUnavailable() throws Exception {
        String out = installWith(Map.of(machine(), "not an ELF file".getBytes(StandardCharsets.UTF_8)), Map.of());
        assertTrue(statusOf(InstallerScript.GUARD_STATUS, out).startsWith(InstallerScript.GUARD_STATUS
                + " unavailable the exec guard does not load here"), out);
        assertEquals("ok", status(out).split(" ")[1], "the shell hook is installed all the same: " + out);
        assertFalse(Files.exists(directory(out).resolve("guard.so")));
    }

    @Test
    void aServerOfAnotherArchitectureGetsNoExecGuard() throws Exception {
        String out = installWith(Map.of("sparc64", new byte[] {1}), Map.of());
        assertTrue(statusOf(InstallerScript.GUARD_STATUS, out).startsWith(InstallerScript.GUARD_STATUS
                + " unavailable this gateway has no exec guard for"), out);
    }

    @Test
    void theLaneForThisMachineIsKeptWhereBashLoadsIt() throws Exception {
        Map<String, byte[]> lanes = TargetLibraries.load(TargetLibraries.LANE).byArchitecture();
        String arch = machine();
        assertTrue(lanes.containsKey(arch), "the build made no lane for " + arch + " (bash-builtins installed?): " + lanes.keySet());
        String out = installWith(Map.of(), lanes);
        assertEquals(InstallerScript.LANE_STATUS + " ok", statusOf(InstallerScript.LANE_STATUS, out), out);
        assertTrue(java.util.Arrays.equals(lanes.get(arch), Files.readAllBytes(directory(out).resolve("lane.so"))));
    }

    @Test
    void aLaneThatBashCannotLoadIsRemovedAndTheHookInstalledWithoutIt() throws Exception {
        String out = installWith(Map.of(), Map.of(machine(), "not an ELF file".getBytes(StandardCharsets.UTF_8)));
        assertTrue(statusOf(InstallerScript.LANE_STATUS, out).startsWith(InstallerScript.LANE_STATUS + " unavailable"), out);
        assertEquals("ok", status(out).split(" ")[1], "the shell hook is installed all the same: " + out);
        assertFalse(Files.exists(directory(out).resolve("lane.so")));
    }

    @Test
    void theSupervisorForThisMachineIsWrittenBesideTheSessionsDirectoryWithItsOwnSessionFileAndTracesHere() throws Exception {
        Map<String, byte[]> supervisors = TargetLibraries.load(TargetLibraries.SUPERVISOR).byArchitecture();
        String arch = machine();
        assertTrue(supervisors.containsKey(arch), "the build made no supervisor for " + arch + ": " + supervisors.keySet());
        String out = installWith(new InstallerScript.Natives(Map.of(), Map.of(), supervisors));
        assertEquals(InstallerScript.SUPERVISOR_STATUS + " ok same-account", statusOf(InstallerScript.SUPERVISOR_STATUS, out), out);
        Path own = Path.of(directory(out) + "-supervisor");
        assertTrue(java.util.Arrays.equals(supervisors.get(arch), Files.readAllBytes(own.resolve("supervisor"))));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(own)));
        assertEquals(Files.readString(directory(out).resolve("session")), Files.readString(own.resolve("session")));
    }

    @Test
    void aSupervisorThatCannotRunIsRemovedAndReportedUnavailableWhileTheSameAccountHookIsInstalled() throws Exception {
        String out = installWith(new InstallerScript.Natives(Map.of(), Map.of(), Map.of(machine(), "#!/bin/sh\necho no\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(statusOf(InstallerScript.SUPERVISOR_STATUS, out).startsWith(InstallerScript.SUPERVISOR_STATUS
                + " unavailable the supervisor cannot run here"), out);
        assertEquals("ok", status(out).split(" ")[1], out);
        assertFalse(Files.exists(Path.of(directory(out) + "-supervisor", "supervisor")));
    }

    @Test
    void aSessionAskedToRunWithoutTheSupervisorGetsNoneAndTheInstallerSaysOffNotUnavailable() throws Exception {
        Map<String, byte[]> supervisors = TargetLibraries.load(TargetLibraries.SUPERVISOR).byArchitecture();
        String out = installWith(new InstallerScript.Natives(Map.of(), Map.of(), supervisors), false);
        assertEquals(InstallerScript.SUPERVISOR_STATUS + " off", statusOf(InstallerScript.SUPERVISOR_STATUS, out), out);
        assertTrue(status(out).startsWith(InstallerScript.STATUS + " ok "), out);
        assertFalse(Files.exists(Path.of(directory(out) + "-supervisor", "supervisor")));
    }

    @Test
    void theSessionDirectoryAndTheSupervisorsGoTogetherWhenTheirShellIsGone() throws Exception {
        Path base = Files.createTempDirectory("sg-installer");
        Path stale = Files.createDirectories(base.resolve(".shellguard-stale00002"));
        Files.writeString(stale.resolve("shell.pid"), "999999999\n");
        Path staleSupervisor = Files.createDirectories(base.resolve(".shellguard-stale00002-supervisor"));
        run(InstallerScript.build(Map.of("hook.bash", "", "start", ""), FORWARD.getLocalPort(), "k", null),
                Map.of("TMPDIR", base.toString(), "SHELL", "/bin/bash", "XDG_RUNTIME_DIR", ""));
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleSupervisor));
    }

    @Test
    void theLoginsStartupFilesAreHashedBeforeAnyOtherAnswerAsShaAbsentOrUnreadable() throws Exception {
        Path home = Files.createTempDirectory("sg-home");
        Files.writeString(home.resolve(".bashrc"), "alias ll='ls -l'\n");
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/authorized_keys"), "");
        Files.createDirectories(home.resolve(".profile"));
        Files.createSymbolicLink(home.resolve(".zshrc"), home.resolve("nowhere"));
        List<String> asked = List.of(".bashrc", ".ssh/authorized_keys", ".profile", ".zshrc", ".ssh/rc");
        Path base = Files.createTempDirectory("sg-installer");
        String out = run(InstallerScript.build(Map.of("hook.bash", "", "start", ""), new InstallerScript.Natives(Map.of(),
                        Map.of(), Map.of()), FORWARD.getLocalPort(), "k", null, null, false, asked),
                Map.of("TMPDIR", base.toString(), "SHELL", "/bin/bash", "XDG_RUNTIME_DIR", "", "HOME", home.toString()));
        List<String> lines = out.lines().toList();
        assertTrue(lines.subList(0, asked.size()).stream().allMatch(l -> l.startsWith(InstallerScript.STARTUP_STATUS + " ")), out);
        Map<String, String> states = InstallerScript.startupFiles(lines, asked).orElseThrow(() -> new AssertionError(out));
        assertEquals(sha256("alias ll='ls -l'\n"), states.get(".bashrc"));
        assertEquals(sha256(""), states.get(".ssh/authorized_keys"));
        assertEquals("unreadable: not a regular file", states.get(".profile"));
        assertEquals(List.of("absent", "absent"), List.of(states.get(".zshrc"), states.get(".ssh/rc")));
        assertTrue(status(out).startsWith(InstallerScript.STATUS + " ok "), out);
    }

    @Test
    void startupFilesTheInstallerDidNotAllReportAreNotTakenForItsAnswer() {
        List<String> asked = List.of(".bashrc", ".profile");
        assertTrue(InstallerScript.startupFiles(List.of(InstallerScript.STARTUP_STATUS + " .bashrc absent",
                InstallerScript.STATUS + " ok /tmp/.shellguard-0123456789 bash /bin/bash"), asked).isEmpty());
        assertTrue(InstallerScript.startupFiles(List.of(InstallerScript.STARTUP_UNAVAILABLE + " sha256sum is not installed"),
                asked).isEmpty());
        assertTrue(InstallerScript.startupFiles(List.of(InstallerScript.STARTUP_STATUS + " .bashrc absent",
                InstallerScript.STARTUP_STATUS + " .profile 0123"), asked).isEmpty(), "a state that is no hash");
        assertEquals(Map.of(".bashrc", "absent", ".profile", "unreadable: Permission denied"), InstallerScript.startupFiles(
                List.of(InstallerScript.STARTUP_STATUS + " .bashrc absent", InstallerScript.STARTUP_STATUS
                        + " .profile unreadable: Permission denied", InstallerScript.STARTUP_STATUS + " .evil absent"), asked)
                .orElseThrow());
    }

    @Test
    void aStartupFilePathTheInstallerWouldSplitIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> InstallerScript.build(Map.of(),
                new InstallerScript.Natives(Map.of(), Map.of(), Map.of()), 1, "k", null, null, true, List.of(".my rc")));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
