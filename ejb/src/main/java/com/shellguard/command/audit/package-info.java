/**
 * The audit of commands in hooked sessions: every command with what the hook saw and the verdict, the lines
 * typed at the prompt, and alerts. The connector sends each command once, decided or merely reported, in
 * batches off the shell's critical path; this package writes them (decisions write nothing), and the API
 * reads them.
 */
package com.shellguard.command.audit;
