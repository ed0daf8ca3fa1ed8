package com.shellguard.command.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GNU {@code parallel}: runs its command template (the words before {@code :::}) through a shell once per input.
 * Without a template, each input after {@code :::} is itself a command.
 */
final class ParallelProgram implements Wrapper {

    private static final Set<String> INPUT_SEPARATORS = Set.of(":::", ":::+", "::::", "::::+");
    private static final OptionSyntax SYNTAX = OptionSyntax.arguments("aCdEIjLlnNPsS",
        "arg-file", "colsep", "delimiter", "eof", "jobs", "max-lines", "max-args", "max-replace-args", "max-chars",
        "sshlogin", "slf", "sshloginfile", "env", "joblog", "results", "res", "tmpdir", "timeout", "delay", "retries",
        "halt", "halt-on-error", "tagstring", "workdir", "wd", "basefile", "bf", "transferfile", "tf", "return",
        "sshdelay", "memfree", "load", "nice", "block", "block-size", "termseq", "limit", "tee", "shebang-wrap");

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        List<String> operands = SYNTAX.leading(launch.args()).operands();
        List<String> template = new ArrayList<>();
        int i = 0;
        while (i < operands.size() && !INPUT_SEPARATORS.contains(operands.get(i))) {
            template.add(operands.get(i++));
        }
        if (!template.isEmpty()) {
            return List.of(new Wrapped.Code("parallel", String.join(" ", template), false));
        }
        List<Wrapped> commands = new ArrayList<>();
        boolean commandInputs = false;
        for (String operand : operands.subList(i, operands.size())) {
            if (INPUT_SEPARATORS.contains(operand)) {
                commandInputs = operand.startsWith(":::") && !operand.startsWith("::::");
            } else if (commandInputs) {
                commands.add(new Wrapped.Code("parallel", operand, false));
            }
        }
        return commands;
    }
}
