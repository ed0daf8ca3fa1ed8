package com.shellguard.command.analysis;

import java.util.List;
import java.util.Optional;

/** What a command runs: the command itself first, then every program it makes run; and tampering, if any. */
public record CommandAnalysis(List<Invocation> invocations, Optional<String> tamper) {
}
