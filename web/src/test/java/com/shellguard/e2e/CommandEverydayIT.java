package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Everyday work in a hooked interactive bash, with rules in force that forbid rm and a few words: none of it
 * may be blocked or changed. Git, vi, less, pipes, loops, functions, a set -e script, here-documents, job
 * control, tab completion, a long paste, the user's own startup files, words that merely mention a
 * forbidden program. At the end the session's audit holds no BLOCKED row. Once per tier of command control
 * (same-account: the supervisor runs as the login; privileged: it runs as root and starts the session as the
 * login), through the real client, the shared gateway and one sshd of this class that admits both the login and
 * root by key; each tier has a session and a work directory of its own.
 */
class CommandEverydayIT {

    private static Fixture fx;
    private static TargetServer target;
    private static Provisioning admin;
    private static Provisioning.Person ann;

    @BeforeAll
    static void rulesAndOneSshdForBothTiers() throws IOException {
        fx = Fixture.shared();
        target = TargetServer.admittingRoot();
        admin = new Provisioning(fx.gateway.admin(), target);
        ann = admin.person("ann");
        for (String rule : List.of("\"match\":\"command\",\"pattern\":\"rm\"", "\"match\":\"command\",\"pattern\":\"shutdown\"",
                "\"match\":\"line\",\"pattern\":\"drop table\"")) {
            admin.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("everyday")) + "," + rule
                    + ",\"action\":\"BLOCK\",\"users\":[" + Api.quote(ann.name()) + "]}").expect(201);
        }
        StartupFiles.ensure();
    }

    @AfterAll
    static void stopTheSshd() {
        if (target != null) {
            target.close();
        }
    }

    @Nested
    class SameAccountTier extends Tier {

        SameAccountTier() {
            super(CommandControlTier.SAME_ACCOUNT);
        }
    }

    @Nested
    class PrivilegedTier extends Tier {

        PrivilegedTier() {
            super(CommandControlTier.PRIVILEGED);
        }
    }

    /** One tier: a server of it, a work directory, and one interactive session there, typed into by the tests in order. */
    abstract class Tier extends TierSession {

        Path work;

        Tier(CommandControlTier tier) {
            super(tier);
        }

        @Override
        HookedShell open() throws IOException {
            work = TargetFiles.directory("sg-everyday-" + tier.label);
            TargetFiles.file(work.resolve("notes.txt"), "remember the shutdown window\nrm is not for today\n");
            TargetFiles.script(work.resolve("ends-with-a-program.sh"), "#!/bin/bash\necho last-one-next\nls /sg-not-there-at-all\n");
            TargetFiles.script(work.resolve("strict.sh"), "#!/bin/bash\nset -euo pipefail\nfalse || true\nn=$(grep -c shutdown notes.txt)\n"
                    + "[[ $n == 1 ]]\necho strict-ok\n");
            return tier.openHookedShell(admin, OpenSshClient.withKey(fx.gateway.sshPort(), ann.key()), ann, "everyday");
        }

        @Override
        void prepare(HookedShell session) {
            shell.run("cd " + work);
        }

        /** Before the hook arms in the same-account tier, under it in the privileged tier (README, the tier table). */
        @Test
        @Order(1)
        void theUsersOwnStartupFilesRan() {
            assertTrue(shell.run("sgalias; sgfunc; echo \"mark=$SG_RC_MARK\"").contains("mark=from-bashrc"));
            assertTrue(shell.terminal().screen().contains("alias-from-bashrc"));
            assertTrue(shell.terminal().screen().contains("function-from-bashrc"));
        }

        @Test
        @Order(1)
        void theShellRunsWithTheHooksLaneLoadedSoTheseChecksCoverIt() {
            // the installer keeps lane.so only where this bash loads it; a silent fall-back would leave the lane untested
            String screen = shell.run("enable | grep -c 'enable __sg_lane$'");
            assertTrue(screen.lines().anyMatch(l -> l.trim().equals("1")), screen);
        }

        @Test
        @Order(1)
        void theHookStartedNoBackgroundJobTheUserWouldSeeInDollarBang() {
            // the hook once read a list through a process substitution: an asynchronous job whose pid became $!
            String screen = shell.run("echo \"bang=[$!]\"");
            assertTrue(screen.contains("bang=[]"), screen);
        }

        @Test
        @Order(2)
        void wordsThatMentionAForbiddenProgramRun() {
            String screen = shell.run("echo rm; grep shutdown notes.txt; type -t rm; command -v rm; printf '%s\\n' 'drop' 'shutdown -h'");
            assertTrue(screen.contains("remember the shutdown window"), screen);
            assertTrue(screen.contains("/usr/bin/rm"), screen);
            assertTrue(screen.contains("shutdown -h"), screen);
        }

        @Test
        @Order(3)
        void pipesLoopsFunctionsAndStatusesBehaveAsWithoutTheHook() {
            assertTrue(shell.run("seq 1 100 | grep 7 | wc -l").contains("19"));
            assertTrue(shell.run("for i in 1 2 3; do echo item$i; done").contains("item3"));
            assertTrue(shell.run("greet() { echo \"hi $1\"; }; greet you").contains("hi you"));
            assertTrue(shell.run("false; echo \"status=$?\"").contains("status=1"));
            assertTrue(shell.run("mkdir -p deep/er && cd $_ && pwd && cd " + work).contains(work + "/deep/er"));
            assertTrue(shell.run("x=$(date +%Y); echo year=${#x}").contains("year=4"));
            assertTrue(shell.run("set -u; ls -d / >/dev/null; echo \"nounset=$-\"; set +u").contains("nounset="));
        }

        @Test
        @Order(4)
        void aSetEScriptRunsToTheEnd() {
            assertTrue(shell.run("bash strict.sh").contains("strict-ok"));
        }

        @Test
        @Order(5)
        void aHereDocumentIsTypedAndRead() {
            shell.terminal().line("cat <<EOF | tr a-z A-Z");
            shell.terminal().line("first line");
            shell.terminal().line("second line");
            shell.terminal().line("EOF");
            String screen = shell.awaitNext();
            assertTrue(screen.contains("SECOND LINE"), screen);
        }

        @Test
        @Order(6)
        void gitWorksAsUsual() {
            String screen = shell.run("git init -q repo && cd repo && git config user.email a@b.c && git config user.name A"
                    + " && echo x > f && git add f && git commit -qm first && git log --oneline | wc -l; cd " + work);
            assertTrue(screen.contains("\n1\n") || screen.matches("(?s).*\\n1\\s*\\n.*"), screen);
        }

        @Test
        @Order(7)
        void viEditsAFile() throws IOException {
            shell.terminal().line("vi edited.txt");
            shell.terminal().waitFor("edited\\.txt");
            shell.terminal().type("ihello from vi");
            shell.terminal().press("Escape");
            shell.terminal().type(":wq");
            shell.press("Enter");
            assertEquals("hello from vi\n", Files.readString(work.resolve("edited.txt")));
        }

        @Test
        @Order(8)
        void lessShowsAFile() {
            shell.terminal().line("less notes.txt");
            shell.terminal().waitFor("rm is not for today");
            shell.terminal().type("q");
            shell.awaitNext();
        }

        @Test
        @Order(9)
        void jobControlSuspendsResumesAndKills() {
            shell.run("sleep 300 &");
            assertTrue(shell.run("jobs").contains("sleep 300"));
            shell.terminal().line("sleep 301");
            Processes.sleep(Duration.ofMillis(500));
            shell.press("C-z");
            assertTrue(shell.run("jobs").contains("Stopped"), shell.terminal().screen());
            shell.run("bg %2");
            shell.run("kill %1 %2");
            Processes.sleep(Duration.ofMillis(500));
            shell.run("wait");
            assertEquals("", shell.output("jobs"));
        }

        @Test
        @Order(10)
        void tabCompletionCompletesCommandsAndFiles() {
            shell.type("ech");
            shell.terminal().press("Tab");
            shell.type("completed not");
            shell.terminal().press("Tab");
            String screen = shell.press("Enter");
            assertTrue(screen.contains("completed notes.txt"), screen);
        }

        @Test
        @Order(11)
        void aLongPasteRunsEveryLine() {
            String text = IntStream.rangeClosed(1, 200).mapToObj(i -> "echo pasted-" + i).collect(Collectors.joining("\n"));
            shell.paste(text);
            String screen = shell.terminal().screen();
            assertTrue(screen.contains("pasted-1\n") && screen.contains("pasted-200"), screen);
        }

        @Test
        @Order(11)
        void theLastProgramOfAScriptHasItsExitStatusInTheAudit() {
            // a program's status travels with the next message of its shell; after the last one the shell exits
            assertTrue(shell.run("./ends-with-a-program.sh; echo \"script-status=$?\"").contains("script-status=2"));
            JsonObject ls = admin.awaitCommand(sessionId, row -> row.getString("command", "").startsWith("ls /sg-not-there-at-all")
                    && row.containsKey("exitStatus") && !row.isNull("exitStatus"), "the script's last program with its status");
            assertEquals(2, ls.getInt("exitStatus"), ls.toString());
        }

        @Test
        @Order(12)
        void nothingWasBlockedAndTheCommandsAreAudited() {
            admin.awaitCommand(sessionId, row -> row.getString("command", "").startsWith("git commit"), "the git commit");
            List<JsonObject> rows = admin.admin.get("/audit/commands?session=" + sessionId + "&limit=1000").expect(200).array()
                    .stream().map(v -> v.asJsonObject()).toList();
            List<String> blocked = rows.stream().filter(r -> !"ALLOWED".equals(r.getString("verdict"))).map(JsonObject::toString).toList();
            assertTrue(blocked.isEmpty(), "no everyday command may be blocked: " + blocked);
            // the shell hook's row (with line rules in force the exec guard and the supervisor ask about the same start
            // too, as origin "program")
            JsonObject grep = rows.stream().filter(r -> r.getString("command").startsWith("grep -c shutdown")
                    && !List.of("guard", "supervisor").contains(r.getString("shell", ""))).findFirst().orElseThrow();
            assertEquals("script", grep.getString("origin"));
            assertTrue(grep.getString("source").endsWith("strict.sh"), grep.toString());
        }
    }
}
