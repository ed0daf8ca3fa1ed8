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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ansible (Debian's {@code ansible}, its ssh connection) through the gateway, configured as the README says:
 * ad-hoc modules with Ansible's defaults (ControlMaster, ControlPersist, no pipelining) in the same-account tier,
 * {@code become} refused there with the supervisor's reason, and a playbook that becomes root through {@code sudo}
 * in the privileged tier, where what ran as root is in the command audit. The privileged part has a target sshd of
 * its own that admits root by key; the login gets passwordless sudo for {@code /bin/sh} (what Ansible's become runs:
 * {@code sudo -u root /bin/sh -c '...'}) in a sudoers file removed afterwards. The ssh masters Ansible leaves
 * behind (ControlPersist) live in this class's own control directory and are closed at the end.
 */
class AnsibleIT {

    private static final Path SUDOERS = Path.of("/etc/sudoers.d/shellguard-ansible-it");
    private static final Path HOME = Path.of("/home/" + TargetServer.LOGIN);

    private static Fixture fx;
    private static String server;
    private static Path control;
    private static Path local;
    private static TargetServer rootTarget;

    @BeforeAll
    static void prepare() throws IOException {
        fx = Fixture.shared();
        server = fx.server("ansible", true);
        control = Files.createTempDirectory("sg-ansible-cp");
        local = Files.createTempDirectory("sg-ansible");
        Files.writeString(SUDOERS, TargetServer.LOGIN + " ALL=(root) NOPASSWD: /bin/sh\n");
        Files.setPosixFilePermissions(SUDOERS, PosixFilePermissions.fromString("r--r-----"));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(SUDOERS);
        if (control != null) {
            try (var sockets = Files.list(control)) {
                sockets.forEach(socket -> Processes.run(List.of("ssh", "-o", "ControlPath=" + socket, "-O", "exit", "master")));
            }
        }
        if (rootTarget != null) {
            rootTarget.close();
        }
    }

    /** Runs ansible or ansible-playbook in a directory of its own (no ansible.cfg), its masters in this class's directory. */
    private static Processes.Result ansible(Map<String, String> settings, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(local.toFile());
        builder.environment().put("ANSIBLE_SSH_CONTROL_PATH_DIR", control.toString());
        builder.environment().put("ANSIBLE_NOCOLOR", "1");
        builder.environment().put("ANSIBLE_LOCAL_TEMP", local.resolve("tmp").toString());
        builder.environment().putAll(settings);
        return Processes.run(builder, null, Duration.ofSeconds(300));
    }

    private static Path file(String name, String content) throws IOException {
        Path path = local.resolve(Fixture.unique(name));
        Files.writeString(path, content);
        return path;
    }

    /** The README's inventory line without an ~/.ssh/config block, with the test's key and known_hosts. */
    private static Path inventory(Fixture.Person p) throws IOException {
        return file("inventory", server + " ansible_host=127.0.0.1 ansible_port=" + fx.gateway.sshPort()
                + " ansible_user=" + p.name() + "@" + TargetServer.LOGIN + "@" + server
                + " ansible_remote_tmp='$HOME/.ansible/tmp'"
                + " ansible_ssh_private_key_file=" + p.key()
                + " ansible_ssh_common_args='-o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile="
                + Files.createTempFile("sg-known", "") + "'\n");
    }

    private static JsonObject awaitProgram(Fixture.Person p, String path, String command, String uid) {
        return fx.awaitCommandOf(p.name(), c -> "supervisor".equals(c.getString("shell", null))
                && path.equals(c.getString("path", null)) && c.getString("command", "").startsWith(command)
                && uid.equals(c.getString("uid", null)), path + " (" + command + ") as uid " + uid);
    }

    @Test
    void adHocCommandPingAndCopyRunWithAnsiblesDefaultsAndEachStepIsAudited() throws IOException {
        Fixture.Person p = fx.personWithAccess("ansible", server);
        Path inventory = inventory(p);
        String uid = Processes.check(List.of("id", "-u", TargetServer.LOGIN)).stdout().trim();

        Processes.Result command = ansible(Map.of(), "ansible", "all", "-i", inventory.toString(), "-m", "command", "-a", "id -un");
        assertEquals(0, command.exitCode(), command.output());
        assertTrue(command.stdout().contains(server + " | CHANGED | rc=0 >>\n" + TargetServer.LOGIN), command.output());

        Processes.Result ping = ansible(Map.of(), "ansible", "all", "-i", inventory.toString(), "-m", "ping");
        assertEquals(0, ping.exitCode(), ping.output());
        assertTrue(ping.stdout().contains("\"ping\": \"pong\""), ping.output());

        Path source = file("source", "copied by ansible\n");
        Path dest = Path.of("/tmp", Fixture.unique("sg-ansible-copied"));
        try {
            Processes.Result copy = ansible(Map.of(), "ansible", "all", "-i", inventory.toString(), "-m", "copy", "-a",
                    "src=" + source + " dest=" + dest);
            assertEquals(0, copy.exitCode(), copy.output());
            assertEquals("copied by ansible\n", Files.readString(dest));
            assertEquals(TargetServer.LOGIN, Files.getOwner(dest).getName());
        } finally {
            Files.deleteIfExists(dest);
        }
        try (var home = Files.list(HOME)) {
            assertFalse(home.anyMatch(f -> f.getFileName().toString().startsWith("~")),
                    "ansible_remote_tmp kept Ansible from making a directory named ~USER@LOGIN@SERVER in the login's home");
        }

        fx.awaitSession(p.name(), s -> s.getString("command", "").contains("AnsiballZ_command.py") && s.getInt("exitStatus", -1) == 0);
        fx.awaitSession(p.name(), s -> s.getString("command", "").contains("AnsiballZ_ping.py") && s.getInt("exitStatus", -1) == 0);
        fx.awaitSession(p.name(), s -> s.getString("command", "").contains("AnsiballZ_copy.py") && s.getInt("exitStatus", -1) == 0);
        awaitProgram(p, "/usr/bin/id", "id -un", uid);
        JsonObject upload = fx.awaitTransferOf(p.name(), t -> "UPLOAD".equals(t.getString("direction", null))
                && t.getString("path", "").endsWith("/source"), "the copied file's upload");
        assertEquals("copied by ansible\n".length(), upload.getJsonNumber("bytes").longValue(), upload.toString());
        fx.awaitTransferOf(p.name(), t -> "UPLOAD".equals(t.getString("direction", null))
                && t.getString("path", "").endsWith("/AnsiballZ_copy.py"), "the copy module's upload");
    }

    @Test
    void becomeInTheSameAccountTierIsRefusedWithTheSupervisorsReasonAndAlerted() throws IOException {
        Fixture.Person p = fx.personWithAccess("ansiblesu", server);
        Processes.Result r = ansible(Map.of(), "ansible", "all", "-i", inventory(p).toString(), "--become", "-m", "command", "-a", "id -un");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("/usr/bin/sudo is a setuid or setgid program, which cannot gain its privilege"), r.output());
        fx.awaitAlertOf(p.name(), a -> "SUPERVISOR_SETUID".equals(a.getString("kind", null)),
                "the SUPERVISOR_SETUID alert");
    }

    @Test
    void aPlaybookBecomesRootThroughSudoInThePrivilegedTierAndTheAuditShowsWhatRanAsRoot() throws IOException {
        rootTarget = TargetServer.admittingRoot();
        Provisioning privileged = new Provisioning(fx.gateway.admin(), rootTarget);
        String privServer = privileged.privilegedServer("ansiblepriv", "root");
        Fixture.Person p = privileged.person("ansibleroot");
        privileged.grant(p, privServer, TargetServer.LOGIN);
        String uid = Processes.check(List.of("id", "-u", TargetServer.LOGIN)).stdout().trim();

        Path sshConfig = OpenSshClient.configBlock(fx.gateway.sshPort(), p.key(), privServer, "127.0.0.1",
                p.name() + "@" + TargetServer.LOGIN + "@" + privServer);
        Path inventory = file("inventory", privServer + " ansible_ssh_common_args='-F " + sshConfig + "'"
                + " ansible_python_interpreter=/usr/bin/python3\n");
        Path touched = Path.of("/var/tmp", Fixture.unique("sg-ansible-root"));
        Path playbook = file("playbook.yml", String.join("\n",
                "- hosts: all",
                "  gather_facts: false",
                "  tasks:",
                "    - command: id -un",
                "      register: plain",
                "    - command: id -un",
                "      become: true",
                "      register: rooted",
                "    - file: path=" + touched + " state=touch mode=0644",
                "      become: true",
                "    - debug: msg=\"{{ plain.stdout }} then {{ rooted.stdout }}\"",
                ""));
        try {
            Processes.Result r = ansible(Map.of("ANSIBLE_PIPELINING", "True", "ANSIBLE_TIMEOUT", "60"),
                    "ansible-playbook", "-i", inventory.toString(), playbook.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.stdout().contains("\"msg\": \"" + TargetServer.LOGIN + " then root\""), r.output());
            assertEquals("root", Files.getOwner(touched).getName());
        } finally {
            Files.deleteIfExists(touched);
        }

        awaitProgram(p, "/usr/bin/sudo", "sudo -H -S -n -u root /bin/sh -c", uid);
        awaitProgram(p, "/usr/bin/dash", "/bin/sh -c 'echo BECOME-SUCCESS-", "0");
        awaitProgram(p, "/usr/bin/id", "id -un", "0");
        awaitProgram(p, "/usr/bin/id", "id -un", uid);
        JsonObject session = fx.awaitSession(p.name(), s -> s.getString("command", "").contains("sudo -H -S -n")
                && s.getInt("exitStatus", -1) == 0);
        assertEquals("privileged", session.getJsonObject("hook").getString("tier"), session.toString());
        assertEquals("root", session.getString("privilegedAccount"), session.toString());
    }
}
