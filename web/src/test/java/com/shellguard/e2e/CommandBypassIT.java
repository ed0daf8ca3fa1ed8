package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bypass corpus: ways people get a forbidden program to run anyway, each typed (or pasted, recalled,
 * completed) into one hooked interactive bash through the real client, gateway and sshd. A rule forbids
 * {@code rm}; every attempt targets its own file, which must still exist afterwards, and the audit must
 * hold a BLOCKED row naming that file. A path rule and a line rule are tried the same way with marker
 * files that must not appear.
 *
 * <p>Programs started by other programs (python's os.system, awk's system(), a copied binary under
 * another name, a script with a {@code #!/bin/sh} line) are out of a shell hook's reach: the exec guard's
 * tests cover them.
 */
class CommandBypassIT {

    private static Fixture fx;
    private static String person;
    private static Path work;
    private static ShellSession shell;
    private static String sessionId;

    /** One attempt: a name, and what the person does, given the attempt's victim file (or marker). */
    private record Attempt(String name, Consumer<Victim> act, boolean marker) {
    }

    /** The file an attempt would remove (or create): its full path and its name in the working directory. */
    private record Victim(String path, String name) {
        String in(String line) {
            return line.replace("{V}", path).replace("{N}", name);
        }
    }

    @BeforeAll
    static void openAHookedShell() throws IOException {
        fx = Fixture.shared();
        String server = fx.server("bypass", true);
        Fixture.Person mallory = fx.personWithAccess("mallory", server);
        person = mallory.name();
        work = TargetFiles.directory("sg-bypass");
        rule("{\"name\":" + Api.quote(Fixture.unique("no-rm")) + ",\"match\":\"command\",\"pattern\":\"rm\",\"action\":\"BLOCK\"}");
        rule("{\"name\":" + Api.quote(Fixture.unique("no-tools")) + ",\"match\":\"path\",\"pattern\":" + Api.quote(work + "/tools/*")
                + ",\"action\":\"BLOCK\"}");
        rule("{\"name\":" + Api.quote(Fixture.unique("no-phrase")) + ",\"match\":\"line\",\"pattern\":\"forbidden-phrase\",\"action\":\"BLOCK\"}");
        TargetFiles.script(work.resolve("s1.sh"), "#!/bin/bash\nrm \"$1\"\n");
        TargetFiles.script(work.resolve("s2.sh"), "#!/bin/bash\nrm \"$1\"\n");
        TargetFiles.script(work.resolve("s3.sh"), "rm \"$1\"\n");
        TargetFiles.script(work.resolve("s4.sh"), "#!/bin/bash\n. \"$(dirname \"$0\")/s5.sh\" \"$1\"\n");
        TargetFiles.script(work.resolve("s5.sh"), "rm \"$1\"\n");
        TargetFiles.script(work.resolve("s6.sh"), "#!/bin/bash\nset -e\nrm \"$1\"\necho should-not-print\n");
        TargetFiles.script(work.resolve("sourced.sh"), "rm \"$VICTIM\"\n");
        TargetFiles.script(work.resolve("tools/mark"), "#!/bin/bash\ntouch \"$1\"\n");
        TargetFiles.file(work.resolve("notes.txt"), "some notes\n");
        TargetFiles.hardLink(Path.of("/usr/bin/rm"), work.resolve("hl"));
        TargetFiles.script(work.resolve("forbidden-phrase-mark"), "#!/bin/bash\ntouch \"$1\"\n");
        Files.createSymbolicLink(work.resolve("fp-alias"), work.resolve("forbidden-phrase-mark"));
        shell = ShellSession.open(fx.keyClient(mallory), person + "@" + TargetServer.LOGIN + "@" + server, "bash");
        sessionId = fx.awaitSession(person, s -> !Fixture.has(s, "end")).getString("id");
        shell.run("cd " + work + "; VICTIM=; x=rm; y=r");
    }

    private static void rule(String json) {
        String scoped = json.substring(0, json.length() - 1) + ",\"users\":[" + Api.quote(person) + "]}";
        fx.admin.post("/command-rules", scoped).expect(201);
    }

    @AfterAll
    static void closeTheShell() {
        if (shell != null) {
            shell.close();
        }
    }

    private static Attempt typed(String name, String... lines) {
        return new Attempt(name, v -> {
            for (String line : lines) {
                shell.run(v.in(line));
            }
        }, false);
    }

    private static Attempt marker(String name, String line) {
        return new Attempt(name, v -> shell.run(v.in(line)), true);
    }

    private static List<Attempt> attempts() {
        List<Attempt> a = new ArrayList<>();
        // typed, pasted, recalled, completed
        a.add(typed("typed", "rm {V}"));
        a.add(new Attempt("pasted with other lines", v -> shell.paste(v.in("echo before\nrm {V}\necho after")), false));
        a.add(new Attempt("recalled with the up arrow", v -> {
            shell.run(v.in("rm {V}"));
            shell.press("Up", "Enter");
        }, false));
        a.add(typed("recalled with !!", "rm {V}", "!!"));
        a.add(typed("recalled with !rm", "rm {V}", "echo between", "!rm"));
        a.add(typed("re-run with fc -s", "rm {V}", "fc -s rm"));
        a.add(new Attempt("completed with tab", v -> {
            shell.type("rm " + v.path().substring(0, v.path().length() - 3));
            shell.press("Tab", "Enter");
        }, false));
        // aliases and functions
        a.add(typed("an alias for rm", "alias zap=rm", "zap {V}"));
        a.add(typed("an alias with options", "alias zap2='rm -f'", "zap2 {V}"));
        a.add(typed("a function", "f1() { rm \"$@\"; }; f1 {V}"));
        a.add(typed("functions calling functions", "f2() { f3 \"$@\"; }; f3() { command rm \"$@\"; }; f2 {V}"));
        a.add(typed("a function shadowing a harmless builtin", "echo() { builtin echo x; rm {V}; }; echo hi; unset -f echo"));
        // builtins that run commands
        a.add(typed("eval", "eval \"rm {V}\""));
        a.add(typed("eval of a built-up word", "eval \"r\"\"m {V}\""));
        a.add(typed("source", "VICTIM={V}; source " + "sourced.sh"));
        a.add(typed("dot", "VICTIM={V}; . ./sourced.sh"));
        a.add(typed("exec", "exec rm {V}"));
        a.add(typed("command", "command rm {V}"));
        a.add(typed("command -p", "command -p rm {V}"));
        a.add(typed("builtin eval", "builtin eval 'rm {V}'"));
        a.add(typed("a poisoned hash table", "hash -p /usr/bin/rm lsx; lsx {V}"));
        // the program behind the name
        a.add(typed("absolute path", "/usr/bin/rm {V}"));
        a.add(typed("path through a directory symlink", "/bin/rm {V}"));
        a.add(typed("relative path", "(cd / && usr/bin/rm {V})"));
        a.add(typed("path with dot-dot", "/usr/bin/../bin/rm {V}"));
        a.add(typed("a symlink with another name", "ln -sf /usr/bin/rm zap3; ./zap3 {V}"));
        a.add(typed("a symlink found on PATH", "ln -sf /usr/bin/rm zap4; PATH=$PWD:$PATH zap4 {V}"));
        a.add(typed("a hard link with another name", "./hl {V}"));
        a.add(typed("a symlink found through an empty PATH element", "ln -sf /usr/bin/rm zap7; PATH=\"$PATH:\" zap7 {V}"));
        // a builtin loaded from bash's loadables (/usr/lib/bash/rm) runs with no program start
        a.add(typed("rm loaded as a builtin", "enable rm; rm {V}"));
        a.add(typed("rm loaded as a builtin, called through builtin", "enable rm; builtin rm {V}"));
        a.add(typed("a copy named rm earlier on PATH", "mkdir -p bin && cp /usr/bin/rm bin/rm; PATH=$PWD/bin:$PATH rm {V}"));
        // quoting and expansions
        a.add(typed("backslash", "\\rm {V}"));
        a.add(typed("single quotes", "'rm' {V}"));
        a.add(typed("empty quotes inside", "r''m {V}"));
        a.add(typed("partly double-quoted", "\"r\"m {V}"));
        a.add(typed("a variable", "$x {V}"));
        a.add(typed("a braced variable", "${x} {V}"));
        a.add(typed("a variable and a suffix", "${y}m {V}"));
        a.add(typed("command substitution", "$(echo rm) {V}"));
        a.add(typed("backquotes", "`echo rm` {V}"));
        a.add(typed("quoted command substitution", "\"$(printf rm)\" {V}"));
        a.add(typed("brace expansion", "{rm,{V}}"));
        a.add(typed("a glob", "/usr/bin/r[m] {V}"));
        // expansions the hook must not evaluate inside its trap, where nothing is trapped
        a.add(typed("an array subscript that runs a command", "x5='a[$(rm {V})]'", "${b5[x5]} hi"));
        a.add(typed("a substring offset that runs a command", "x6='a[$(rm {V})]'", "${y:x6} hi"));
        a.add(typed("an indirection that runs a command", "x7='b7[$(rm {V})]'", "${!x7} hi"));
        // scripts
        a.add(typed("bash script", "bash s1.sh {V}"));
        a.add(typed("executable bash script", "./s2.sh {V}"));
        a.add(typed("sh script", "sh s3.sh {V}"));
        a.add(typed("a script sourcing a file", "bash s4.sh {V}"));
        a.add(typed("a set -e script", "bash s6.sh {V}"));
        // subshells, pipelines, substitutions, jobs, loops
        a.add(typed("subshell", "(rm {V})"));
        a.add(typed("group", "{ rm {V}; }"));
        a.add(typed("pipeline", "echo x | rm {V}"));
        a.add(typed("and-list", "true && rm {V}"));
        a.add(typed("assignment from a substitution", "z=$(rm {V})"));
        a.add(typed("substitution in an argument", "echo $(rm {V})"));
        a.add(typed("process substitution", "cat <(rm {V})"));
        a.add(typed("background job", "rm {V} & wait"));
        a.add(typed("for loop", "for f in {V}; do rm \"$f\"; done"));
        a.add(typed("while loop over a here-string", "while read -r f; do rm \"$f\"; done <<< {V}"));
        // other shells
        a.add(typed("bash -c", "bash -c 'rm {V}'"));
        a.add(typed("sh -c", "sh -c 'rm {V}'"));
        a.add(typed("/bin/sh -c by path", "/bin/sh -c 'rm {V}'"));
        a.add(typed("dash -c", "dash -c 'rm {V}'"));
        a.add(typed("bash reading a here-string", "bash <<< 'rm {V}'"));
        a.add(typed("bash reading a pipe", "echo 'rm {V}' | bash"));
        a.add(typed("bash without rc files", "bash --norc --noprofile -c 'rm {V}'"));
        // programs that start programs
        a.add(typed("xargs", "echo {V} | xargs rm"));
        a.add(typed("find -exec ;", "find . -path ./{N} -exec rm {} \\;"));
        a.add(typed("find -exec +", "find . -path ./{N} -exec rm {} +"));
        a.add(typed("env", "env rm {V}"));
        a.add(typed("env -i", "env -i /usr/bin/rm {V}"));
        a.add(typed("nohup", "nohup rm {V}"));
        a.add(typed("timeout", "timeout 5 rm {V}"));
        a.add(typed("setsid", "setsid rm {V}"));
        a.add(typed("nice", "nice -n 5 rm {V}"));
        a.add(typed("stdbuf", "stdbuf -o0 rm {V}"));
        a.add(typed("time", "time rm {V}"));
        a.add(typed("flock", "flock lockfile rm {V}"));
        a.add(typed("a trap action", "trap 'rm {V}' USR1 && kill -USR1 $$; trap - USR1"));
        // an interactive shell a program starts (python's pty.spawn, as tmux, screen and vim's :terminal do)
        a.add(new Attempt("rm loaded as a builtin in an interactive bash python starts", v -> {
            // with a line rule the guard asks about every start, and the gateway refuses an interactive shell
            // started by a program; without one the guard starts it hooked (GuardBypassIT)
            shell.terminal().line("python3 -c 'import pty; pty.spawn(\"/bin/bash\")'");
            String started = shell.terminal().waitFor("PermissionError|[$#] $");
            if (started.contains("PermissionError")) {
                shell.awaitNext();
                return;
            }
            try {
                shell.terminal().line(v.in("enable rm; rm {V}; echo in''ner-done"));
                shell.terminal().waitFor("inner-done");
            } finally {
                shell.terminal().line("exit");
                shell.awaitNext();
            }
        }, false));
        // commands handed to cron and at run later, outside the session
        a.add(typed("a crontab installed from a file", "echo '* * * * * rm {V}' > ct-{N}; crontab ct-{N}"));
        a.add(typed("a crontab installed from standard input", "echo '* * * * * rm {V}' | crontab -"));
        a.add(typed("a command handed to at", "echo 'rm {V}' | at now + 1 minute"));
        a.add(typed("a command handed to batch", "batch <<< 'rm {V}'"));
        // shell escapes from programs
        a.add(new Attempt("vi's shell escape", v -> {
            shell.terminal().line("vi notes.txt");
            shell.terminal().waitFor("notes\\.txt");
            shell.terminal().type(v.in(":!rm {V}"));
            shell.terminal().press("Enter");
            shell.terminal().waitFor("(?i)press enter|hit enter|type  :qa|shellguard");
            shell.terminal().press("Enter");
            shell.terminal().type(":q!");
            shell.press("Enter");
        }, false));
        a.add(new Attempt("less's shell escape", v -> {
            shell.terminal().line("less notes.txt");
            shell.terminal().waitFor("some notes");
            shell.terminal().type(v.in("!rm {V}"));
            shell.terminal().press("Enter");
            shell.terminal().waitFor("(?i)return|done");
            shell.terminal().press("Enter");
            shell.terminal().type("q");
            shell.awaitNext();
        }, false));
        // the path rule and the line rule
        a.add(marker("a program under a forbidden path", "tools/mark {V}"));
        a.add(marker("a forbidden path through a symlink", "ln -sf tools/mark alias-mark; ./alias-mark {V}"));
        a.add(marker("a forbidden path from its own directory", "(cd tools && ./mark {V})"));
        a.add(marker("a forbidden phrase in the command", "touch {V} {V}-forbidden-phrase"));
        a.add(marker("a forbidden phrase in the program behind a symlink", "./fp-alias {V}"));
        return a;
    }

    /**
     * crontab is setgid, which the same-account supervisor refuses (SupervisorIT): the hook's own judgement of it is
     * seen where the supervisor is switched off, as on servers whose people need such programs.
     */
    @Test
    void listingTheCrontabStillWorks() {
        String label = Fixture.unique("setgid-ok");
        fx.admin.put("/command-defaults/" + label, "{\"mode\":\"allow\",\"supervisor\":\"off\"}").expect(200);
        String plain = fx.server("crontab", true);
        fx.admin.put("/servers/" + plain, "{\"labels\":[" + Api.quote(label) + "]}").expect(200);
        Fixture.Person p = fx.personWithAccess("crontab", plain);
        Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + plain, "crontab -l; echo listed=$?");
        assertTrue(r.stdout().contains("listed=") && !r.output().contains("shellguard:"), r.output());
    }

    @TestFactory
    Stream<DynamicTest> everyAttemptIsBlockedAndAudited() {
        List<Attempt> attempts = attempts();
        assertTrue(attempts.size() >= 50, "the corpus has " + attempts.size() + " attempts");
        return attempts.stream().map(attempt -> DynamicTest.dynamicTest(attempt.name(), () -> check(attempt)));
    }

    private void check(Attempt attempt) throws IOException {
        String name = "v" + Integer.toHexString(attempt.name().hashCode());
        Path victim = work.resolve(name);
        if (attempt.marker()) {
            Files.deleteIfExists(victim);
        } else {
            TargetFiles.file(victim, "precious\n");
        }
        Set<String> blockedBefore = fx.commandIds(sessionId, "BLOCKED");
        attempt.act().accept(new Victim(victim.toString(), name));
        if (attempt.marker()) {
            assertTrue(!Files.exists(victim), attempt.name() + ": the forbidden program ran and created " + victim
                    + "\n" + shell.terminal().tail());
        } else {
            assertTrue(Files.exists(victim), attempt.name() + ": " + victim + " was removed\n" + shell.terminal().tail());
        }
        fx.awaitCommand(sessionId, row -> "BLOCKED".equals(row.getString("verdict", null))
                && !blockedBefore.contains(row.getString("id")), attempt.name() + ": a new BLOCKED audit row");
    }
}
