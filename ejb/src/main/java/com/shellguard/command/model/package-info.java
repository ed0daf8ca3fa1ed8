/**
 * A command as the application knows it: what it runs ({@link com.shellguard.command.model.CommandWord}), where it
 * runs ({@link com.shellguard.command.model.RunningShell}) and what it is ({@link com.shellguard.command.model.Command}).
 * Analysis, policy, audit and the console's "try a command line" all work on these types.
 *
 * <p>Why not the connector's {@code CommandFacts}: that record is the wire between the connector and the
 * application, shaped by the hook protocol (flags as letters, zsh's further words as {@code word=path} strings, the
 * exec guard's processes as text). It is translated into these types in exactly one place, where it crosses into the
 * application ({@code com.shellguard.command.CommandFactsTranslation}); a change of the wire changes that class and
 * nothing behind it, and a command that never crossed the wire (a line an admin tries) needs no fake record.
 *
 * <p>Limits: values the hook protocol does not name (a role or resolution a forged report invents) are not kept;
 * they read as "the hook did not say" ({@code null}), which the policy treats like a builtin and the audit shows
 * as absent.
 */
package com.shellguard.command.model;
