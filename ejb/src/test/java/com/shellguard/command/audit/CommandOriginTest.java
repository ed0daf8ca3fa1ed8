package com.shellguard.command.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandOriginTest {

    private static CommandOrigin origin(String role, String flags, int subshell, String source) {
        return CommandOrigin.of(new CommandFacts("1.1", 0, ShellRole.of(role).orElseThrow(), CommandFlags.parse(flags).orElseThrow(), subshell,
                source, 0, "", "/", Resolution.FILE, "ls",
                "/usr/bin/ls", "/usr/bin/ls", List.of(), "1.1", "", "ls", "bash", List.of()));
    }

    @Test
    void aStartTheExecGuardSawComesFromAProgram() {
        assertEquals(CommandOrigin.PROGRAM, origin("guard", "", 0, ""));
        assertEquals("program", CommandOrigin.PROGRAM.wire());
    }

    @Test
    void aCommandTypedAtThePromptComesFromThePrompt() {
        assertEquals(CommandOrigin.PROMPT, origin("interactive", "", 0, ""));
        assertEquals("prompt", CommandOrigin.PROMPT.wire());
    }

    @Test
    void aCommandInAParenthesisedListComesFromASubshell() {
        assertEquals(CommandOrigin.SUBSHELL, origin("interactive", "", 1, ""));
    }

    @Test
    void aCommandOfAScriptOrSourcedFileComesFromTheScript() {
        assertEquals(CommandOrigin.SCRIPT, origin("child", "", 0, "/home/alice/deploy.sh"));
        assertEquals(CommandOrigin.SCRIPT, origin("interactive", "", 2, "/etc/profile.d/x.sh"));
    }

    @Test
    void aDashCStringOrAnExecSessionsCommandComesFromACommandString() {
        assertEquals(CommandOrigin.COMMAND_STRING, origin("child", "x", 0, ""));
        assertEquals(CommandOrigin.COMMAND_STRING, origin("exec", "", 0, ""));
        assertEquals("command-string", CommandOrigin.COMMAND_STRING.wire());
    }

    @Test
    void completionAndPromptCommandWinOverWhereTheirCodeIsDefined() {
        assertEquals(CommandOrigin.COMPLETION, origin("interactive", "c", 1, "/usr/share/bash-completion/bash_completion"));
        assertEquals(CommandOrigin.PROMPT_COMMAND, origin("interactive", "p", 0, "/etc/bash.bashrc"));
        assertEquals("prompt-command", CommandOrigin.PROMPT_COMMAND.wire());
    }
}
