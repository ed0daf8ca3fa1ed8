/**
 * Shell-native command control: {@link com.shellguard.command.CommandControlService} is what the gateway MDB
 * calls, and where the connector's record of a command becomes a {@link com.shellguard.command.model.Command}
 * ({@link com.shellguard.command.CommandFactsTranslation}, the one place that reads {@code CommandFacts});
 * {@link com.shellguard.command.CommandTrialService} tries a line an admin types. {@code model} is the command
 * itself, {@code rule} is the policy admins write, {@code policy} decides from memory, {@code analysis} says what a
 * command runs, {@code audit} keeps what ran. The subpackages never import this one, and {@code model} imports none.
 */
package com.shellguard.command;
