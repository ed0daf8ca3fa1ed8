/**
 * One proxied session channel, from the user's request to the target's exit status, as a sequence of steps,
 * each a class named for what it does:
 * <ol>
 * <li>{@link com.shellguard.connector.adapter.session.TargetChooser} chooses the target: the server the SSH
 * user name names ({@link com.shellguard.connector.adapter.session.TargetSelector}), else the menu
 * ({@link com.shellguard.connector.adapter.session.TargetMenu});</li>
 * <li>the application is asked for the session's plan, which may refuse it;</li>
 * <li>{@link com.shellguard.connector.adapter.session.TargetConnection} opens upstream, and closes it once at
 * the end, the hook's files first;</li>
 * <li>{@link com.shellguard.connector.adapter.session.CommandControl} installs the command hook and the exec
 * guard, holds a shell's input until it armed, and refuses the session on a strict server where it cannot; on the
 * way, {@link com.shellguard.connector.adapter.session.StartupFileCheck} checks the hashes of the login's startup and
 * key files that the installer took before it wrote anything (where the server is under command control; a file
 * transfer's are read over SFTP instead), and refuses a strict server's session when they changed since an
 * administrator accepted them, before the session's shell or command starts;</li>
 * <li>{@link com.shellguard.connector.adapter.session.TargetChannels} opens the target channel of the user's
 * kind with the locale of the client's variables only ({@link com.shellguard.connector.adapter.session.ClientEnvironment}:
 * the hook's variables alert), {@link com.shellguard.connector.adapter.session.SignalForwarding} passes signals and window changes
 * on, and {@link com.shellguard.connector.adapter.session.SessionRelay} records and relays it; a file transfer
 * (sftp, a legacy scp sink or source) is instead served by the gateway itself ({@code transfer});</li>
 * <li>{@link com.shellguard.connector.adapter.session.SessionEnding} ends it once, with one of the ends
 * {@link com.shellguard.connector.adapter.session.SessionEnd} names.</li>
 * </ol>
 * {@link com.shellguard.connector.adapter.session.SetupTimes} logs how long each step took, one line a session.
 * {@link com.shellguard.connector.adapter.session.ProxySession} is the channel as MINA sees it and runs the
 * steps in order. The end can come from several threads at once (the target, the user leaving, the hook's
 * policy, the arming timer, an administrator through
 * {@link com.shellguard.connector.adapter.session.LiveSessions}); they meet in the one state machine
 * {@link com.shellguard.connector.adapter.session.SessionState}, which lets exactly one of them end it.
 *
 * <p>Everything that may block — asking the application, the menu, connecting upstream, installing the
 * hook — runs as JCA work on the container's WorkManager, never on an SSH I/O thread; once the target
 * channel is open, the relay moves bytes asynchronously. A failure at any step ends the channel with one line
 * the user can act on, and is reported for the audit once the application has opened the session.
 *
 * <p>Limits: one work thread per session is held while it opens (the menu holds it while the user chooses,
 * up to five minutes without a keystroke); an administrator's termination reaches a session within the
 * {@link com.shellguard.connector.adapter.session.TerminationWatch}'s polling interval, and one that lands
 * while a step runs (a connection, a hook installation) takes effect when that step returns.
 *
 * <p>This package depends on {@code hook}, {@code recording}, {@code relay}, {@code transfer}, {@code upstream}
 * and {@code runtime}; {@code server} depends on it and not the other way round.
 */
package com.shellguard.connector.adapter.session;
