package com.shellguard.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shellguard.command.audit.JudgedCommand;
import com.shellguard.command.model.Command;
import com.shellguard.command.model.CommandOrigin;
import com.shellguard.command.model.CommandWord;
import com.shellguard.command.model.ListedWord;
import com.shellguard.command.model.Resolution;
import com.shellguard.command.model.RunningShell;
import com.shellguard.command.model.ShellFlag;
import com.shellguard.command.model.ShellRole;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.CommandVerdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommandFactsTranslationTest {

    private static CommandFacts facts(String role, String flags, String resolution, List<String> words) {
        return new CommandFacts("4242.7", 1_700_000_000_123_456L, com.shellguard.connector.api.ShellRole.of(role).orElseThrow(),
                CommandFlags.parse(flags).orElseThrow(), 2, "/home/alice/deploy.sh", 17, "step",
                "/srv/app", com.shellguard.connector.api.Resolution.of(resolution).orElseThrow(), "rm", "/usr/bin/rm", "/usr/bin/rm.real", List.of("unlink"), "4242.31", "del",
                "del -rf build", "bash", words, "311 /usr/bin/make", "300 /bin/bash");
    }

    private static Command command(String role, String flags, String resolution) {
        return CommandFactsTranslation.command(facts(role, flags, resolution, List.of()));
    }

    @Test
    void everyFactTheHookSentHasItsPlaceInTheCommand() {
        Command command = command("child", "x", "file");
        assertEquals("4242.7", command.id());
        assertEquals(1_700_000_000_123_456L, command.startMicros());
        assertEquals("del -rf build", command.text());
        assertEquals(new CommandWord("rm", Resolution.FILE, "/usr/bin/rm", "/usr/bin/rm.real", List.of("unlink")), command.word());
        assertEquals(new RunningShell("bash", ShellRole.CHILD, Set.of(ShellFlag.COMMAND_STRING), 2, "/home/alice/deploy.sh", 17,
                "step", "/srv/app"), command.where());
        assertEquals("4242.31", command.lineId());
        assertEquals("del", command.alias());
        assertEquals("311 /usr/bin/make", command.caller());
        assertEquals("300 /bin/bash", command.parent());
    }

    @ParameterizedTest
    @EnumSource(com.shellguard.connector.api.Resolution.class)
    void eachResolutionTheProtocolNamesHasADomainValueOfTheSameName(com.shellguard.connector.api.Resolution wire) {
        Resolution resolution = command("interactive", "", wire.wire()).word().resolution();
        assertEquals(wire.name(), resolution.name());
        assertEquals(wire.wire(), resolution.wire());
    }

    @ParameterizedTest
    @EnumSource(com.shellguard.connector.api.ShellRole.class)
    void eachRoleTheProtocolNamesHasADomainValueOfTheSameName(com.shellguard.connector.api.ShellRole wire) {
        ShellRole role = command(wire.wire(), "", "file").where().role();
        assertEquals(wire.name(), role.name());
        assertEquals(wire.wire(), role.wire());
    }

    @Test
    void flagLettersBecomeFlags() {
        assertEquals(Set.of(ShellFlag.COMPLETION, ShellFlag.PROMPT_HOOK), command("interactive", "cp", "file").where().flags());
        assertEquals(Set.of(ShellFlag.COMMAND_STRING), command("interactive", "x", "file").where().flags());
        assertEquals(Set.of(), command("interactive", "", "file").where().flags());
        assertEquals(CommandOrigin.COMPLETION, command("interactive", "c", "file").where().origin());
    }

    @Test
    void zshsFurtherWordsAreSplitIntoWordAndFile() {
        Command list = CommandFactsTranslation.command(facts("interactive", "", "file",
                List.of("rm=/usr/bin/rm", "cd=", "echo", "a=b")));
        assertEquals(List.of(new ListedWord("rm", "/usr/bin/rm"), new ListedWord("cd", null), new ListedWord("echo", null),
                new ListedWord("a=b", null)), list.listed());
    }

    @Test
    void factsWithNothingInThemMakeAnEmptyCommand() {
        Command nothing = CommandFactsTranslation.command(new CommandFacts(null, 0, null, null, 0, null, 0, null, null, null,
                null, null, null, null, null, null, null, null, null));
        assertEquals("", nothing.text());
        assertEquals("", nothing.word().word());
        assertEquals(Set.of(), nothing.where().flags());
        assertEquals(CommandOrigin.PROMPT, nothing.where().origin());
    }

    @Test
    void anAuditBatchsCommandsKeepTheirSessionAndVerdict() {
        CommandVerdict blocked = new CommandVerdict(CommandVerdict.Action.BLOCK, "no-rm", false, "blocked", 3);
        List<JudgedCommand> judged = CommandFactsTranslation.judged(List.of(
                new CommandEvent("s1", facts("interactive", "", "file", List.of()), true, blocked)));
        assertEquals("s1", judged.get(0).sessionId());
        assertEquals(blocked, judged.get(0).verdict());
        assertEquals("4242.7", judged.get(0).command().id());
    }
}
