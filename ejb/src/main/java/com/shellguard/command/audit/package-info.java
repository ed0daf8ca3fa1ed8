/**
 * The audit of commands in hooked sessions: every command with what the hook saw and the verdict, the lines
 * typed at the prompt, and alerts. The connector sends each command once, decided or merely reported, in
 * batches off the shell's critical path (the command path's audit leg: its {@code CommandAuditQueue} delivers
 * every 200 ms); {@link com.shellguard.command.audit.CommandRecorder} writes a batch in one transaction
 * (decisions write nothing), and the API reads them.
 */
package com.shellguard.command.audit;
