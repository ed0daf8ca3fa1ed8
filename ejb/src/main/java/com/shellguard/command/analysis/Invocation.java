package com.shellguard.command.analysis;

import java.util.List;

/** One program a command runs, with its arguments and what runs it ({@code via}: null for the command itself). */
public record Invocation(String program, List<String> args, String via) {
}
