package com.shellguard.command.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandOriginTest {

    private static CommandOrigin origin(ShellRole role, Set<ShellFlag> flags, int subshell, String source) {
        return new RunningShell("bash", role, flags, subshell, source, 0, "", "/").origin();
    }

    @Test
    void aStartTheExecGuardSawComesFromAProgram() {
        assertEquals(CommandOrigin.PROGRAM, origin(ShellRole.GUARD, Set.of(), 0, ""));
        assertEquals("program", CommandOrigin.PROGRAM.wire());
    }

    @Test
    void aCommandTypedAtThePromptComesFromThePrompt() {
        assertEquals(CommandOrigin.PROMPT, origin(ShellRole.INTERACTIVE, Set.of(), 0, ""));
        assertEquals("prompt", CommandOrigin.PROMPT.wire());
    }

    @Test
    void aCommandInAParenthesisedListComesFromASubshell() {
        assertEquals(CommandOrigin.SUBSHELL, origin(ShellRole.INTERACTIVE, Set.of(), 1, ""));
    }

    @Test
    void aCommandOfAScriptOrSourcedFileComesFromTheScript() {
        assertEquals(CommandOrigin.SCRIPT, origin(ShellRole.CHILD, Set.of(), 0, "/home/alice/deploy.sh"));
        assertEquals(CommandOrigin.SCRIPT, origin(ShellRole.INTERACTIVE, Set.of(), 2, "/etc/profile.d/x.sh"));
    }

    @Test
    void aDashCStringOrAnExecSessionsCommandComesFromACommandString() {
        assertEquals(CommandOrigin.COMMAND_STRING, origin(ShellRole.CHILD, Set.of(ShellFlag.COMMAND_STRING), 0, ""));
        assertEquals(CommandOrigin.COMMAND_STRING, origin(ShellRole.EXEC, Set.of(), 0, ""));
        assertEquals("command-string", CommandOrigin.COMMAND_STRING.wire());
    }

    @Test
    void completionAndPromptCommandWinOverWhereTheirCodeIsDefined() {
        assertEquals(CommandOrigin.COMPLETION, origin(ShellRole.INTERACTIVE, Set.of(ShellFlag.COMPLETION), 1,
                "/usr/share/bash-completion/bash_completion"));
        assertEquals(CommandOrigin.PROMPT_COMMAND, origin(ShellRole.INTERACTIVE, Set.of(ShellFlag.PROMPT_HOOK), 0, "/etc/bash.bashrc"));
        assertEquals("prompt-command", CommandOrigin.PROMPT_COMMAND.wire());
    }

    @Test
    void aShellThatDidNotSayItsRoleComesFromWhereItsCodeIs() {
        assertEquals(CommandOrigin.PROMPT, origin(null, Set.of(), 0, ""));
        assertEquals(CommandOrigin.SCRIPT, origin(null, Set.of(), 0, "/x.sh"));
    }
}
