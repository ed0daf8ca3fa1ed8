/**
 * Command control on the gateway's side: putting the hook in place on the target ({@link
 * com.shellguard.connector.adapter.hook.HookInstaller}), taking the hooked shells' connections that arrive through the
 * session's remote port forward ({@link com.shellguard.connector.adapter.hook.HookChannel}, one {@link
 * com.shellguard.connector.adapter.hook.HookConnection} per shell process, the session's state in {@link
 * com.shellguard.connector.adapter.hook.HookSession}), and carrying what they say to the application. The wire format
 * is {@code scripts/target/protocol/PROTOCOL.md}, read by {@link com.shellguard.connector.adapter.hook.HookWire}.
 *
 * <h2>The command path: three crossings</h2>
 * A command reaches the application over {@link com.shellguard.connector.api.GatewayListener} in up to three
 * separate calls, each a crossing of the connector/application boundary with its own thread, transaction and
 * latency budget. On the application's side each lands in {@code com.shellguard.command.CommandControlService}, which
 * translates the connector's {@code CommandFacts} into its own {@code Command} once, on the way in.
 * <ol>
 * <li><b>Decide</b>, {@code decideCommand}: a command the hook asks about ({@code Q}). The shell waits for the verdict,
 *     so the call runs at once on the WorkManager and the application answers from memory, writing nothing; a failed
 *     call refuses the command. Only commands a rule might apply to are asked: the hook decides the rest alone and
 *     reports them ({@code R}), and they cross on the audit leg only.</li>
 * <li><b>Filter</b>, {@code commandPolicy}: the session's policy snapshot that the hook decides alone with. A hook
 *     asks for it when it starts ({@code P}); a busy shell is sent it every 2 seconds unasked; a verdict made under a
 *     newer policy than the connection last got is preceded by it, so the shell that asked learns of the change at
 *     once. {@link com.shellguard.connector.adapter.hook.HookSession} keeps it for a second, so it crosses about
 *     once a second per busy session, not once per command.</li>
 * <li><b>Audit</b>, {@code recordCommands}: every judged command (asked and answered, or reported), completions,
 *     typed lines and alerts go into the node's {@link com.shellguard.connector.adapter.hook.CommandAuditQueue}, whose
 *     timer delivers them every 200 ms, all sessions together, one application transaction per batch. Nothing
 *     waits for it.</li>
 * </ol>
 * Besides, each session reports once whether its hook armed (its first hooked shell's hello) or why it could not be
 * installed ({@code hookStatus}), which the application keeps on the session's audit row.
 *
 * <h2>Why three</h2>
 * <ul>
 * <li>Decision and audit are apart because a shell must not wait for a database write (the budget is about a
 *     millisecond per command), and a transaction per command would cost a script of thousands of commands
 *     thousands of commits. So the decision writes nothing and the audit gets the command again, answered, in a
 *     batch: the asked command crosses twice, the reported one once.</li>
 * <li>The filter is its own call because most commands are never asked (it must reach the hook before any
 *     question), and because a verdict carries only the policy's version: putting the whole snapshot (every rule's
 *     program names and path globs) on each verdict would make every decision pay for it.</li>
 * </ul>
 *
 * <h2>The supervisor</h2>
 * The installer also puts the supervisor in place (scripts/target/supervisor: a static ptrace tracer that is the parent
 * of the session's shell and sees every program start of its tree) and says in which tier: same-account (it runs as
 * the login) or privileged ({@link com.shellguard.connector.adapter.hook.HookInstaller#install(org.apache.sshd.client.session.ClientSession,
 * String, String, PrivilegedTier, boolean)} with the login: the installer runs as root, the supervisor stays root and
 * starts the shell as the login). A same-account session whose server's label switched the supervisor off gets none:
 * the installer says {@code SHELLGUARD-SUPERVISOR off}, nothing is alerted, and setuid programs keep their privilege.
 * Its one connection per session is known by its hello (role supervisor); its starts are asked and
 * reported like the guard's. That connection ending without the supervisor's goodbye ({@code K end}) means it was
 * killed, and the session with it: {@code SUPERVISOR_LOST}, and the proxied session ends. Heartbeats ({@code K beat})
 * arrive every 5 seconds; their absence is not acted on yet.
 *
 * <h2>Checking the witnesses</h2>
 * The hooks run as the watched login, which can read the session's key: every message is a claim. So a report of a
 * program a rule could concern ({@link com.shellguard.connector.adapter.hook.RuleReach}) is decided again, a
 * disagreement stored with the gateway's verdict and alerted ({@code FORGED_REPORT}); a completion must name an open
 * command of the very process that sends it ({@link com.shellguard.connector.adapter.hook.CommandLedger}); a line
 * entered at the prompt must be reported within the silence limit ({@link
 * com.shellguard.connector.adapter.hook.PromptWatch}, {@code HOOK_SILENT}); before its hello a connection gets 4 KiB
 * and 10 seconds, and a session's connections, questions, hook alerts and audit backlog are capped ({@code
 * HOOK_FLOOD}). Strangers are alerted once per session, so a flood costs one alert. On a strict server a failed check
 * ends the session ({@link com.shellguard.connector.adapter.hook.HookSession#onWitnessFailure}). None of this stops a
 * forger with the key who reports only what no rule concerns: the supervisor's secret, which the login cannot read,
 * is what closes that.
 *
 * <h2>Limits</h2>
 * The audit is up to a delivery interval behind the shell, and a crash loses at most that interval; a batch the
 * application fails to write is logged and lost. A policy change reaches a hook within its 3-second refresh, or at
 * its next question.
 */
package com.shellguard.connector.adapter.hook;
