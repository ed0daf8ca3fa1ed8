package com.shellguard.command.analysis;

import static com.shellguard.command.analysis.Commands.command;
import static com.shellguard.command.analysis.Commands.invocations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shellguard.command.model.Resolution;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandAnalyzerInvocationsTest {

    private static List<String> invocationsOf(String text, String word, Resolution resolution) {
        return invocations(CommandAnalyzer.analyze(command(text, word, resolution)));
    }

    @Test
    void theFirstInvocationIsTheCommandWithItsArgumentsAfterQuoteRemoval() {
        Invocation first = Commands.analyze("rm -f 'a b' \"$x\" \\c").invocations().get(0);
        assertEquals(new Invocation("rm", List.of("-f", "a b", "$x", "c"), ""), first);
    }

    @Test
    void theHooksExpandedCommandWordIsTheProgram() {
        assertEquals(List.of("rm -f a"), invocationsOf("$x -f a", "rm", Resolution.FILE));
        assertEquals(List.of("/bin/rm -f a"), invocationsOf("/bin/rm -f a", "/bin/rm", Resolution.FILE));
    }

    @Test
    void aWordTheHookFoundAfterCommandBuiltinOrExecTakesTheArgumentsAfterIt() {
        assertEquals(List.of("rm -f x"), invocationsOf("command rm -f x", "rm", Resolution.FILE));
        assertEquals(List.of("bash script.sh"), invocationsOf("exec -a name bash script.sh", "bash", Resolution.FILE));
    }

    @Test
    void enablingBuiltinsRunsThemAsTheProgramsTheyStandFor() {
        assertEquals(List.of("enable rm", "rm <- enable"), invocations("enable rm"));
        assertEquals(List.of("enable -a"), invocations("enable -a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crontab jobs.txt", "crontab -", "crontab", "crontab -e", "crontab -u bob jobs", "at now", "at -f job 10:00",
        "batch", "echo x | at now + 1 minute", "sudo crontab jobs"})
    void commandsHandedToCronOrAtAreUnseen(String text) {
        assertEquals(1, Commands.analyze(text).unseen().size(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crontab -l", "crontab -u bob -l", "crontab -r", "at -l", "at -c 4", "at -r 4", "at -d 4", "atq", "atrm 3"})
    void listingShowingOrRemovingScheduledCommandsSchedulesNothing(String text) {
        assertEquals(List.of(), Commands.analyze(text).unseen(), text);
    }

    @Test
    void anAssignmentOnlyCommandRunsNoProgram() {
        assertEquals(List.of(""), invocations("LANG=C"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo rm", "grep trap notes.txt", "man rm", "printf '%s\\n' 'sudo rm'", "ls # ; rm -rf /",
        "echo a\\;rm", "cat <<EOF\nrm -rf /\nEOF", "trap -p EXIT", "declare -a arr"})
    void wordsThatOnlyLookLikeCommandsInventNoInvocations(String text) {
        assertEquals(1, Commands.analyze(text).invocations().size(), () -> invocations(text).toString());
    }

    @Test
    void wrappersNestAndEachReportsWhatItRuns() {
        assertEquals(List.of("env nohup timeout 5 sh -c xargs rm < list", "nohup timeout 5 sh -c xargs rm < list <- env",
                "timeout 5 sh -c xargs rm < list <- nohup", "sh -c xargs rm < list <- timeout", "xargs rm <- sh -c",
                "rm <- xargs"),
            invocations("env nohup timeout 5 sh -c 'xargs rm < list'"));
    }

    @Test
    void envSkipsItsOptionsAndAssignmentsAndSplitsItsString() {
        assertEquals("rm x <- env", invocations("env -i -u HOME -C /tmp LANG=C A=1 rm x").get(1));
        assertEquals("rm -f x <- env", invocations("env -S 'rm -f' x").get(1));
        assertEquals("rm x <- env", invocations("env --split-string='-i rm' x").get(1));
        assertEquals(1, invocations("env -u HOME").size());
    }

    @Test
    void timeoutNiceIoniceAndStdbufSkipTheirOptionsAndOperands() {
        assertEquals("rm x <- timeout", invocations("timeout -s KILL -k 1 5s rm x").get(1));
        assertEquals("rm x <- nice", invocations("nice -n 5 rm x").get(1));
        assertEquals("rm x <- nice", invocations("nice -10 rm x").get(1));
        assertEquals("rm x <- ionice", invocations("ionice -c 3 -n7 rm x").get(1));
        assertEquals(1, invocations("ionice -c3 -p 123").size());
        assertEquals("rm x <- stdbuf", invocations("stdbuf -o L -eL rm x").get(1));
    }

    @Test
    void nohupSetsidUnbufferAndChrootRunTheirCommand() {
        assertEquals("rm x <- nohup", invocations("nohup rm x").get(1));
        assertEquals("rm x <- setsid", invocations("setsid -f rm x").get(1));
        assertEquals("rm x <- unbuffer", invocations("unbuffer -p rm x").get(1));
        assertEquals("rm x <- chroot", invocations("chroot --userspec=1:1 /srv rm x").get(1));
    }

    @Test
    void flockRunsItsCommandOrItsCommandString() {
        assertEquals("rm x <- flock", invocations("flock -w 3 /tmp/lock rm x").get(1));
        assertEquals("rm x <- flock -c", invocations("flock -n /tmp/lock -c 'rm x'").get(1));
        assertEquals(1, invocations("flock -u 9").size());
    }

    @Test
    void straceLtraceAndTimeSkipOptionsThatTakeArguments() {
        assertEquals("rm x <- strace", invocations("strace -f -e trace=open -o out -s 200 rm x").get(1));
        assertEquals("rm x <- ltrace", invocations("ltrace -e malloc -o out rm x").get(1));
        assertEquals(1, invocations("strace -p 42").size());
        assertEquals("rm x <- time", invocations("/usr/bin/time -f %e -o t rm x").get(1));
        assertEquals("rm x <- time", invocations("time -p rm x").get(1));
    }

    @Test
    void watchRunsTheRestAsAShellString() {
        assertEquals(List.of("watch -n 5 rm -f x; ls", "rm -f x <- watch", "ls <- watch"), invocations("watch -n 5 'rm -f x; ls'"));
        assertEquals("rm x <- watch", invocations("watch -x rm x").get(1));
    }

    @Test
    void sudoSkipsItsOptionsAndAssignments() {
        assertEquals("rm -rf / <- sudo", invocations("sudo -u root -E -- rm -rf /").get(1));
        assertEquals("rm x <- sudo", invocations("sudo -g wheel LANG=C rm x").get(1));
        assertEquals(1, invocations("sudo -l rm").size());
    }

    @Test
    void suRunuserAndDoasRunTheirCommands() {
        assertEquals("rm x <- su -c", invocations("su -c 'rm x' root").get(1));
        assertEquals("id <- su -c", invocations("su - root -c id").get(1));
        assertEquals("id <- runuser", invocations("runuser -u bob -- id").get(1));
        assertEquals("rm x <- doas", invocations("doas -u root rm x").get(1));
    }

    @Test
    void tasksetAndChrtSkipTheirMaskOrPriority() {
        assertEquals("rm x <- taskset", invocations("taskset -c 0,1 rm x").get(1));
        assertEquals("rm x <- taskset", invocations("taskset 0x3 rm x").get(1));
        assertEquals(1, invocations("taskset -p 0x3 42").size());
        assertEquals("rm x <- chrt", invocations("chrt -f 10 rm x").get(1));
    }

    @Test
    void scriptRunsItsCommandString() {
        assertEquals("rm x <- script -c", invocations("script -q -c 'rm x' /dev/null").get(1));
    }

    @Test
    void parallelRunsItsTemplateOrItsInputsAsCommands() {
        assertEquals(List.of("parallel -j 4 rm {} ::: a b", "rm {} <- parallel"), invocations("parallel -j 4 rm {} ::: a b"));
        assertEquals(List.of("parallel ::: rm a ls", "rm a <- parallel", "ls <- parallel"), invocations("parallel ::: 'rm a' ls"));
    }

    @Test
    void busyboxRunsItsApplet() {
        assertEquals("rm x <- busybox", invocations("busybox rm x").get(1));
        assertEquals(List.of("busybox sh -c rm x", "sh -c rm x <- busybox", "rm x <- sh -c"), invocations("busybox sh -c 'rm x'"));
    }

    @Test
    void commandBuiltinAndExecArePrefixesButCommandVOnlyAsks() {
        assertEquals("rm x <- command", invocations("command -p rm x").get(1));
        assertEquals("trap - DEBUG <- builtin", invocations("builtin trap - DEBUG").get(1));
        assertEquals("rm x <- exec", invocations("exec -a name -c rm x").get(1));
        assertEquals(1, invocations("command -v rm").size());
    }

    @Test
    void xargsRunsTheCommandAfterItsOptions() {
        assertEquals("rm {} <- xargs", invocations("xargs -I{} -n 1 -P4 rm {}").get(1));
        assertEquals("rm -f <- xargs", invocations("xargs -0 -a files -d '\\n' -r -t rm -f").get(1));
        assertEquals("rm <- xargs", invocations("xargs -i -E END rm").get(1));
    }

    @Test
    void xargsWithoutACommandRunsEcho() {
        assertEquals(List.of("xargs -0", "echo <- xargs"), invocations("xargs -0"));
    }

    @Test
    void findRunsEachExecAndReportsDeleteAsItsOwnInvocation() {
        assertEquals(List.of("find . -name *.tmp -exec rm -f {} ; -delete", "rm -f {} <- find -exec", "find -delete . <- find"),
            invocations("find . -name '*.tmp' -exec rm -f {} \\; -delete"));
        assertEquals("sh -c rm \"$1\" _ {} <- find -execdir", invocations("find /tmp -execdir sh -c 'rm \"$1\"' _ {} +").get(1));
        assertEquals("rm {} <- find -ok", invocations("find -L x -ok rm {} ';'").get(1));
        assertEquals(1, invocations("find . -name -delete -print").size());
    }

    @Test
    void shellsRunEveryCommandOfTheirCommandString() {
        assertEquals(List.of("bash -ec cd /x && rm -rf y | tee z", "cd /x <- bash -c", "rm -rf y <- bash -c", "tee z <- bash -c"),
            invocations("bash -ec 'cd /x && rm -rf y | tee z'"));
        for (String shell : List.of("sh", "dash", "zsh", "ksh", "mksh", "ash", "/bin/sh")) {
            String name = shell.substring(shell.lastIndexOf('/') + 1);
            assertEquals("rm x <- " + name + " -c", invocations(shell + " -c 'rm x'").get(1), shell);
        }
    }

    @Test
    void commandStringsAreFollowedThroughSubshellsBranchesLoopsAndSubstitutions() {
        assertEquals(List.of("sh -c if true; then (rm a); fi; for f in *; do { rm $f; }; done; echo `rm b`",
                "true <- sh -c", "rm a <- sh -c", "rm $f <- sh -c", "echo `rm b` <- sh -c", "rm b <- $( )"),
            invocations("sh -c 'if true; then (rm a); fi; for f in *; do { rm $f; }; done; echo `rm b`'"));
    }

    @Test
    void aTrapActionIsJudgedWhenItIsSetBecauseTheHookCannotSeeAHandlerRun() {
        assertEquals("rm x <- trap", invocations("trap 'rm x' USR1").get(1));
        assertEquals("rm x <- trap", invocations("trap -- 'rm x' EXIT INT").get(1));
        assertEquals(1, invocations("trap - EXIT").size());
        assertEquals(1, invocations("trap '' INT").size());
        assertEquals(1, invocations("trap INT").size());
        assertEquals(1, invocations("trap -p").size());
    }

    @Test
    void evalRunsItsJoinedArgumentsAsCode() {
        assertEquals("rm x <- eval", invocations("eval 'rm' x").get(1));
    }

    @Test
    void commandSubstitutionsOfTheCommandAreReportedAfterIt() {
        assertEquals(List.of("echo $(rm -rf x)", "rm -rf x <- $( )"), invocations("echo $(rm -rf x)"));
    }

    @Test
    void theOtherCommandsOfAListAsZshSendsItAreReportedAsTheCommandItself() {
        assertEquals(List.of("ls", "rm x", "wc -l"), invocations("ls | rm x && wc -l"));
    }

    @Test
    void nestingDeeperThanTheAnalysisFollowsStopsWithoutFailing() {
        String text = "nohup ".repeat(40) + "rm x";
        assertEquals(17, Commands.analyze(text).invocations().size());
    }
}
