package com.shellguard.command.analysis;

import static com.shellguard.command.analysis.Commands.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.command.model.Resolution;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandAnalyzerTamperTest {

    private static Optional<String> tamper(String text) {
        return Commands.analyze(text).tamper();
    }

    private static Optional<String> tamper(String text, String word, Resolution resolution) {
        return CommandAnalyzer.analyze(command(text, word, resolution)).tamper();
    }

    private static void assertTamper(String text, String because) {
        Optional<String> reason = tamper(text);
        assertTrue(reason.isPresent(), () -> text + " should be tamper");
        assertTrue(reason.get().contains(because), () -> text + ": " + reason.get());
    }

    private static void assertNoTamper(String text) {
        assertEquals(Optional.empty(), tamper(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trap - DEBUG", "trap '' debug", "trap DEBUG", "trap -- 'x' DEBUG", "trap 'echo hi' SIGDEBUG",
        "trap 'x' EXIT DEBUG", "builtin trap - DEBUG", "command trap '' DEBUG", "sh -c 'trap - DEBUG'",
        "env bash -c \"trap '' DEBUG\"", "eval 'trap - DEBUG'"})
    void trapOnDebugInAnyFormRemovesTheHook(String text) {
        assertTamper(text, "DEBUG trap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"__sg_apply_policy 'P 9 allow 0'", "__sg_t x", "builtin __sg_repair", "TRAPDEBUG",
        "eval __sg_fetch_policy"})
    void callingTheHooksOwnFunctionsIsTamper(String text) {
        assertTamper(text, "calls the hook's own function");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash -c 'echo hi'", "sh script.sh", "dash"})
    void callingTheHooksShellStandInsIsNotACallOfTheHook(String text) {
        assertTrue(tamper(text).map(reason -> !reason.contains("calls the hook's own function")).orElse(true), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trap - RETURN", "trap 'x' return"})
    void trapOnReturnIsTamper(String text) {
        assertTamper(text, "RETURN trap");
    }

    @Test
    void aTrapOnASignalOnlyKnownWhenItRunsCouldBeDebug() {
        assertTamper("trap - $sig", "only known when it runs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trap cleanup EXIT", "trap 'rm -f $tmp' EXIT INT TERM", "trap -p", "trap -p DEBUG", "trap -l",
        "trap 2 3", "trap", "grep trap notes.txt", "echo trap - DEBUG"})
    void listingTrapsAndTrapsOnOtherSignalsAreFine(String text) {
        assertNoTamper(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"set +T", "set +eT", "set -e +xT", "set +o functrace", "shopt -u -o functrace", "shopt -uo functrace",
        "builtin set +T"})
    void switchingOffFunctraceIsTamper(String text) {
        assertTamper(text, "functrace");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "set -o posix|POSIX mode", "shopt -s -o posix|POSIX mode", "set +o history|history", "shopt -u -o history|history",
        "unsetopt DEBUG_BEFORE_CMD|DEBUG_BEFORE_CMD", "setopt NO_DEBUG_BEFORE_CMD|DEBUG_BEFORE_CMD",
        "set +o debugbeforecmd|DEBUG_BEFORE_CMD", "setopt hist_ignore_space|history", "setopt HISTNOSTORE|history",
        "set +$flags|only known when it runs"})
    void switchingOptionsTheHookNeedsIsTamper(String text, String because) {
        assertTamper(text, because);
    }

    @ParameterizedTest
    @ValueSource(strings = {"set -e", "set -euo pipefail", "set +x", "set -T", "set -o vi", "set -- +T", "set a +T",
        "set -o history", "shopt -u extdebug", "shopt -s extdebug", "shopt -s extglob", "shopt -po", "setopt extended_history",
        "unsetopt hist_ignore_space", "setopt DEBUG_BEFORE_CMD", "set +o posix"})
    void ordinaryOptionChangesAreFine(String text) {
        assertNoTamper(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unset BASH_ENV", "unset -v HISTFILE", "unset ZDOTDIR", "unset 'BASH_ALIASES[ls]'",
        "export -n BASH_ENV", "declare +x BASH_ENV", "typeset +x ZDOTDIR", "readonly PROMPT_COMMAND", "local HISTFILE",
        "declare HISTCONTROL=", "typeset -x __sg_key", "export HISTFILE=/dev/null", "read -r HISTFILE", "printf -v PS0 x",
        "mapfile -t __sg_h", "unset -m 'HIST*'", "command unset BASH_ENV"})
    void removingOrRedeclaringAVariableTheHookReliesOnIsTamper(String text) {
        assertTamper(text, "hook");
    }

    @Test
    void aNamerefToAHookVariableIsTamper() {
        assertTamper("declare -n ref=BASH_ENV", "reference to BASH_ENV");
        assertTamper("local -n h=HISTFILE", "reference to HISTFILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BASH_ENV= bash script.sh", "HISTFILE=/dev/null", "PROMPT_COMMAND+=x", "PS0=", "ENV=/tmp/x sh",
        "BASH_ALIASES[ls]='rm -rf'", "__sg_fd=3", "POSIXLY_CORRECT=1", "LD_PRELOAD=/tmp/x.so ls", "functions[TRAPDEBUG]=x",
        "sudo BASH_ENV=/tmp/x bash -c y", "env ZDOTDIR=/tmp zsh", "sh -c 'HISTCMD=0'", "__SG_ROLE=exec bash"})
    void assigningAVariableTheHookReliesOnIsTamper(String text) {
        assertTamper(text, "assigns");
    }

    @ParameterizedTest
    @ValueSource(strings = {"export PATH=/usr/bin:$PATH", "HOME=/tmp ls", "declare -a arr", "declare -p BASH_ENV", "export BASH_ENV",
        "declare -f bash", "local x=1", "readonly X=1", "unset x", "unset -f myfunc", "unset -v bash", "read -r line",
        "printf -v out '%s' HISTFILE", "echo $HISTFILE", "LANG=C sort", "declare -n ref=other", "HISTSIZE=1000", "HISTSIZE=-1",
        "HISTFILESIZE=0 ls", "ENVIRONMENT=prod make", "export PS1='$ '"})
    void ordinaryVariablesAndReadingTheHooksAreFine(String text) {
        assertNoTamper(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unset -f __sg_t", "unset -f bash", "unset sh", "unset -f dash", "unfunction TRAPDEBUG",
        "unset -f TRAPDEBUG", "unhash -f __sg_t", "unfunction -m '__sg_*'", "unset 'functions[TRAPDEBUG]'"})
    void removingAFunctionOfTheHookIsTamper(String text) {
        assertTamper(text, "removes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enable rm", "enable echo rm", "builtin enable sleep", "enable -- cat"})
    void enablingANameThatIsNotOneOfBashsOwnBuiltinsLoadsItAndIsTamper(String text) {
        assertTamper(text, "as a builtin, which runs with no program start");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enable", "enable -a", "enable -p", "enable echo", "enable -s"})
    void listingBuiltinsOrTurningOneOfBashsOwnBackOnIsFine(String text) {
        assertNoTamper(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HISTSIZE=0", "HISTSIZE=5", "declare HISTSIZE=0", "export HISTSIZE=", "unset HISTSIZE"})
    void shrinkingTheHistoryTheTypedLinesAreReadFromIsTamper(String text) {
        assertTamper(text, "HISTSIZE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPOCHSECONDS='a[$(id)]'", "unset EPOCHSECONDS", "EPOCHREALTIME=1"})
    void replacingTheClockTheTrapComputesWithIsTamper(String text) {
        assertTamper(text, "EPOCH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enable -n trap", "enable -n test", "enable -d x", "enable -f ./x.so evil", "disable trap"})
    void switchingBuiltinsOffOrLoadingNewOnesIsTamper(String text) {
        assertTamper(text, "builtins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enable", "enable -a", "enable -n", "enable test", "disable -a ll"})
    void listingAndEnablingBuiltinsIsFine(String text) {
        assertNoTamper(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"env -i bash", "env -i PATH=/bin bash -c x", "env - sh -c x", "env -u BASH_ENV bash x.sh",
        "env -i nohup bash", "exec -c bash -c x"})
    void startingAShellWithoutTheHooksVariablesIsTamper(String text) {
        assertTrue(tamper(text).isPresent(), text);
    }

    @Test
    void envWithoutAShellMayClearTheEnvironment() {
        assertNoTamper("env -i ls");
        assertNoTamper("env -i PATH=/bin make");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash --posix x.sh", "bash -o posix -c x", "sh --posix -c x", "bash -p script.sh"})
    void bashInPosixOrPrivilegedModeSkipsTheHook(String text) {
        assertTamper(text, "mode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zsh -f", "zsh --no-rcs -c x", "zsh -d", "zsh -o no_rcs", "zsh +o rcs", "env zsh -f"})
    void zshWithoutItsStartupFilesIsTamper(String text) {
        assertTamper(text, "startup files");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/bin/sh|/bin/sh|FILE", "sh|sh|FILE", "dash -i|dash|FILE", "/bin/bash|/bin/bash|FILE",
        "command bash|bash|FILE", "bash --rcfile other -i|bash|SHELL", "bash --init-file x|bash|SHELL", "bash --norc|bash|SHELL",
        "bash -l|bash|SHELL", "ksh|ksh|FILE", "csh|csh|FILE", "tcsh|tcsh|FILE", "fish|fish|FILE", "rbash|rbash|FILE"})
    void anInteractiveShellTheHookDoesNotStartIsTamper(String text, String word, Resolution resolution) {
        Optional<String> reason = tamper(text, word, resolution);
        assertTrue(reason.orElse("").contains("interactive shell the hook does not follow"), text + ": " + reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"exec bash|bash|FILE", "exec zsh|zsh|FILE", "exec sh -i|sh|FILE",
        "exec -l bash|bash|FILE"})
    void execOfAnInteractiveShellReplacesTheHookedOne(String text, String word, Resolution resolution) {
        assertTrue(tamper(text, word, resolution).orElse("").contains("replaces the hooked shell"), text);
        assertTrue(tamper(text).orElse("").contains("replaces the hooked shell"), text + " without the hook's word");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"bash|bash|SHELL", "sh|sh|SHELL", "sh -i|sh|SHELL", "bash x.sh|bash|SHELL",
        "/bin/bash x.sh|/bin/bash|FILE", "bash -c ls|bash|SHELL", "/bin/sh -c ls|/bin/sh|FILE", "/bin/sh script.sh|/bin/sh|FILE",
        "zsh|zsh|FILE", "zsh -c ls|zsh|FILE", "ksh script.ksh|ksh|FILE", "exec bash script.sh|bash|FILE",
        "bash --login -c x|bash|SHELL", "sudo bash -c 'apt update'|sudo|FILE", "myshell|myshell|FUNCTION"})
    void shellsTheHookFollowsOrThatReadNoTypedCommandsAreFine(String text, String word, Resolution resolution) {
        assertEquals(Optional.empty(), tamper(text, word, resolution), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"script", "script -q /dev/null", "chroot /srv", "/bin/sh -c 'bash'", "xargs sh", "env -i sudo -i"})
    void programsThatStartAnInteractiveShellOfTheirOwnAreTamper(String text) {
        assertTamper(text, "interactive shell the hook does not follow");
    }

    /** Whether they are tamper is the session's tier's to say (PolicyEvaluatorTest): only a root supervisor follows them. */
    @ParameterizedTest
    @ValueSource(strings = {"sudo -i", "sudo -s", "sudo bash", "sudo sh -c bash", "su", "su -", "su - alice", "su -s /bin/bash bob",
        "doas -s", "bash -c 'sudo -i'", "sudo -u bob -i"})
    void anInteractiveShellOfAnotherUserIsNamedApartFromTamper(String text) {
        CommandAnalysis analysis = Commands.analyze(text);
        assertEquals(Optional.empty(), analysis.tamper(), text);
        assertEquals(1, analysis.otherUsersShells().size(), text + ": " + analysis.otherUsersShells());
        assertTrue(analysis.otherUsersShells().get(0).contains("interactive shell the hook does not follow"), analysis.toString());
    }

    @Test
    void aShellUnderAnotherShellsStandInKeepsTheHook() {
        assertEquals(Optional.empty(), tamper("bash -c 'bash'", "bash", Resolution.SHELL));
        assertEquals(Optional.empty(), tamper("echo ls | sh"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$x - DEBUG", "$x +T", "$x +o functrace", "$cmd -u extdebug", "$x -o posix", "$f BASH_ENV",
        "$(echo unset) __sg_fd"})
    void aDynamicCommandWordMentioningWhatTheHookReliesOnIsTamper(String text) {
        String word = text.substring(0, text.indexOf(' '));
        assertTrue(tamper(text, word, Resolution.DYNAMIC).orElse("").contains("only known when it runs"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$EDITOR notes.txt", "$x -f a", "$cmd -la"})
    void aDynamicCommandWordWithOrdinaryArgumentsIsFine(String text) {
        String word = text.substring(0, text.indexOf(' '));
        assertEquals(Optional.empty(), tamper(text, word, Resolution.DYNAMIC), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f() { trap - DEBUG; }", "trap() { :; }", "TRAPDEBUG() { :; }", "alias builtin=true",
        "alias -- trap='echo'"})
    void definitionsAndFunctionBodiesInTheTextAreChecked(String text) {
        assertTrue(tamper(text).isPresent(), text);
    }

    @Test
    void theReasonNamesTheCommandAndIsOneLine() {
        assertEquals(Optional.of("trap '' DEBUG: changes the DEBUG trap the hook runs as"), tamper("trap '' DEBUG"));
        String reason = tamper("sh -c 'trap \"echo a\necho b\" DEBUG'").orElseThrow();
        assertTrue(!reason.contains("\n"), reason);
    }

    @Test
    void wrappersNestedDeeperThanTheAnalysisFollowsAreTamper() {
        assertTamper("nohup ".repeat(40) + "rm x", "deeper than the analysis follows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo rm", "grep trap notes.txt", "man rm", "man bash", "ls -la", "git commit -m 'set +T'",
        "cat ~/.bash_history", "vim .zshrc", "sudo apt upgrade", "xargs rm", "find . -delete", "nohup ./run.sh &"})
    void everydayCommandsAreNotTamper(String text) {
        assertNoTamper(text);
    }
}
