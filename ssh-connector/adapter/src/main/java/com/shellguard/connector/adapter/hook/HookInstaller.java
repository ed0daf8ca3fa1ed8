package com.shellguard.connector.adapter.hook;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Puts the hook in place on the target for one session, over the session's own SSH connection, before the
 * user's channel opens: asks sshd for a loopback port forward the hooks will report to while the installer's channel
 * opens ({@link InstallerRun}: one round trip to the target for both), then gives the installer
 * ({@link InstallerScript}, which names the forwarded port) to {@code /bin/sh -s} on that channel. Nothing is installed on the server: the
 * files live in a private directory that {@link #remove} deletes when the session ends.
 */
public final class HookInstaller {

    private static final Logger LOG = Logger.getLogger(HookInstaller.class.getName());
    /** What mktemp makes of the installer's template under a sane temporary directory; anything else is refused. */
    private static final Pattern DIRECTORY = Pattern.compile("/[A-Za-z0-9._/-]*/\\.shellguard-[A-Za-z0-9]{10}");
    private static final Pattern SHELL_PATH = Pattern.compile("/[A-Za-z0-9._/+-]+");

    private final HookScripts scripts = HookScripts.load();
    private final TargetLibraries guards = TargetLibraries.load(TargetLibraries.GUARD);
    private final TargetLibraries lanes = TargetLibraries.load(TargetLibraries.LANE);
    private final TargetLibraries supervisors = TargetLibraries.load(TargetLibraries.SUPERVISOR);
    private final HookServices services;
    /**
     * Each target's machine (see {@link InstallerScript#MACHINE_STATUS}) as its last installer reported it, by the
     * address the gateway connects to: later sessions there carry only that machine's native parts.
     */
    private final Map<String, String> machines = new java.util.concurrent.ConcurrentHashMap<>();

    /** Why this node cannot write the audit now (a strict server then refuses new sessions); empty when it can. */
    public Optional<String> auditUnwritable() {
        return services.audit().unwritable();
    }

    public HookInstaller(HookServices services) {
        this.services = services;
    }

    /**
     * Installs the hook for a session.
     *
     * @param command the exec session's command, or null for a shell session
     * @return the session's hook, ready for its shell to start with {@link HookSession#startCommand}
     * @throws HookUnavailableException when the server cannot take the hook (no forwarding, no bash, ...)
     */
    public HookSession install(ClientSession upstream, String sessionId, String command) throws HookUnavailableException {
        return install(upstream, sessionId, command, null, true);
    }

    /**
     * Installs the hook for a session of the privileged tier: {@code upstream} is logged in as the server's
     * privileged account, the installer runs as root (through {@code sudo -n} when that account is not root), and
     * the supervisor starts the session's shell as {@link PrivilegedTier#asLogin}.
     *
     * @param privileged the privileged tier's session, or null for the same-account tier (upstream is the login)
     * @param supervisor whether the shell starts under the supervisor; false (a label switched it off) sends none
     *                   and tells the installer so, which then reports it off rather than unavailable. The
     *                   privileged tier cannot do without it.
     */
    public HookSession install(ClientSession upstream, String sessionId, String command, PrivilegedTier privileged,
            boolean supervisor) throws HookUnavailableException {
        return install(upstream, sessionId, command, privileged, supervisor, null);
    }

    /**
     * As {@link #install(ClientSession, String, String, PrivilegedTier, boolean)}, the installer also hashing the
     * login's startup files first when {@code startupFiles} asks for them (null: not).
     */
    public HookSession install(ClientSession upstream, String sessionId, String command, PrivilegedTier privileged,
            boolean supervisor, StartupFileWitness startupFiles) throws HookUnavailableException {
        if (privileged != null && !supervisor) {
            throw new IllegalArgumentException("the privileged tier cannot start a session without its supervisor");
        }
        long started = System.nanoTime();
        HookSession hook = new HookSession(sessionId, services);
        hook.privileged(privileged);
        String installer = privileged == null ? "exec /bin/sh -s" : privileged.asRoot("/bin/sh -s");
        InstallerScript.Natives all = new InstallerScript.Natives(guards.byArchitecture(), lanes.byArchitecture(),
                supervisor ? supervisors.byArchitecture() : Map.of());
        String target = String.valueOf(upstream.getConnectAddress());
        String assumed = machines.get(target);
        long forwarded;
        String script;
        List<String> first;
        try (InstallerRun run = InstallerRun.start(upstream, installer)) { // the channel opens while the forward is asked for
            hook.bind(upstream, forward(upstream));
            forwarded = System.nanoTime();
            script = InstallerScript.build(scripts.files(), assumed == null ? all : all.forMachine(assumed),
                    hook.port(), hook.key(), command, privileged == null ? null : privileged.asLogin(), supervisor,
                    startupFiles == null ? List.of() : startupFiles.files());
            first = run.finish(script, services.timeout(), installerLimit());
        }
        long ran = System.nanoTime();
        if (startupFiles != null) {
            Optional<Map<String, String>> hashed = InstallerScript.startupFiles(first, startupFiles.files());
            hashed.ifPresent(startupFiles.hashes());
            if (hashed.isEmpty()) {
                LOG.fine(() -> "session " + sessionId + ": the installer did not hash the startup files: "
                        + statusLine(first, InstallerScript.STARTUP_UNAVAILABLE).orElse("(no answer)"));
            }
        }
        LOG.info(() -> "session " + sessionId + " hook installer ms: forward=" + (forwarded - started) / 1_000_000
                + " installer=" + (ran - forwarded) / 1_000_000 + " (" + script.length() / 1024 + " KiB sent)");
        Optional<String> machine = statusLine(first, InstallerScript.MACHINE_STATUS)
                .map(l -> l.substring(InstallerScript.MACHINE_STATUS.length()).trim());
        List<String> output = first;
        if (assumed != null && machine.isPresent() && !machine.get().equals(assumed)) {
            // another machine answers at this address now: what was sent was not its parts; once more with all
            LOG.info(() -> "session " + sessionId + ": " + target + " is now a " + machine.get() + " machine, not " + assumed
                    + "; installing the hook again with every architecture's native parts");
            removeDirectory(upstream, privileged, statusLine(first, InstallerScript.STATUS).orElse(""));
            output = runInstaller(upstream, installer, InstallerScript.build(scripts.files(), all, hook.port(), hook.key(),
                    command, privileged == null ? null : privileged.asLogin(), supervisor));
        }
        statusLine(output, InstallerScript.MACHINE_STATUS)
                .map(l -> l.substring(InstallerScript.MACHINE_STATUS.length()).trim())
                .filter(m -> !m.isEmpty())
                .ifPresent(m -> machines.put(target, m));
        List<String> answer = output;
        String status = statusLine(answer, InstallerScript.STATUS).orElseThrow(() -> new HookUnavailableException(
                (privileged != null && privileged.viaSudo() ? "the privileged account could not become root with sudo -n: " : "")
                        + "the hook installer failed: " + abbreviate(String.join(" ", answer))));
        String[] words = status.split(" ", 5);
        if (words.length >= 5 && words[1].equals("ok") && DIRECTORY.matcher(words[2]).matches()
                && (words[3].equals("bash") || words[3].equals("zsh")) && SHELL_PATH.matcher(words[4]).matches()) {
            hook.installed(words[2], words[3], words[4]);
            guardStatus(hook, statusLine(output, InstallerScript.GUARD_STATUS).orElse(""));
            Optional<String> lane = statusLine(output, InstallerScript.LANE_STATUS);
            lane.filter(l -> !l.endsWith(" ok")).ifPresent(l -> {
                LOG.fine(() -> "session " + sessionId + ": hooked bash shells run without the lane, more slowly: " + l);
                String prefix = InstallerScript.LANE_STATUS + " unavailable ";
                hook.laneUnavailable(l.startsWith(prefix) ? l.substring(prefix.length()).trim() : l);
            });
            lane.filter(l -> l.endsWith(" ok")).ifPresent(l -> hook.laneLoaded());
            if (supervisor) {
                supervisorStatus(hook, statusLine(output, InstallerScript.SUPERVISOR_STATUS).orElse(""), privileged != null);
            }
            return hook;
        }
        if (words.length >= 2 && words[1].equals("unavailable")) {
            throw new HookUnavailableException(status.substring(status.indexOf("unavailable") + "unavailable".length()).trim());
        }
        throw new HookUnavailableException("the hook installer gave no usable answer: " + abbreviate(status));
    }

    /**
     * Records whether the exec guard armed with the hook. One that cannot load on this server leaves the shell
     * hook alone on watch: an alert says so, and a strict server refuses the session (see ProxySession).
     */
    private static void guardStatus(HookSession hook, String line) {
        if (line.equals(InstallerScript.GUARD_STATUS + " ok")) {
            return;
        }
        String prefix = InstallerScript.GUARD_STATUS + " unavailable ";
        String why = line.startsWith(prefix) ? line.substring(prefix.length()).trim()
                : "the installer did not report on the exec guard";
        hook.guardUnavailable(why);
    }

    /**
     * Records whether the supervisor runs, and in which tier. One that cannot run leaves the hook and the guard on
     * watch: an alert says so, and a strict server refuses the session (see CommandControl). A privileged install
     * must say privileged: the installer refuses the hook itself without a supervisor there. Only called when the
     * supervisor was asked for: one switched off is neither recorded nor alerted on (the installer says {@code off}).
     */
    private static void supervisorStatus(HookSession hook, String line, boolean privileged) throws HookUnavailableException {
        String ok = InstallerScript.SUPERVISOR_STATUS + " ok ";
        String tier = line.startsWith(ok) ? line.substring(ok.length()).trim() : "";
        if (tier.equals(privileged ? HookSession.TIER_PRIVILEGED : HookSession.TIER_SAME_ACCOUNT)) {
            hook.supervised(tier);
            return;
        }
        if (privileged) {
            throw new HookUnavailableException("the privileged tier's supervisor did not start: " + abbreviate(line));
        }
        String prefix = InstallerScript.SUPERVISOR_STATUS + " unavailable ";
        hook.supervisorUnavailable(line.startsWith(prefix) ? line.substring(prefix.length()).trim()
                : "the installer did not report on the supervisor");
    }

    private static Optional<String> statusLine(List<String> output, String status) {
        return output.stream().filter(l -> l.startsWith(status + " ")).map(String::trim).findFirst();
    }

    /** Deletes the session's hook directory on the target, if the connection still stands. */
    public void remove(ClientSession upstream, HookSession hook) {
        if (hook.directory() == null || !upstream.isOpen()) {
            return;
        }
        remove(upstream, hook.privileged(), hook.directory(), hook.sessionId());
    }

    /** Deletes the directory an installer's {@code SHELLGUARD-HOOK ok DIR ...} line names, if it names a valid one. */
    private void removeDirectory(ClientSession upstream, PrivilegedTier privileged, String status) {
        String[] words = status.split(" ", 4);
        if (words.length >= 3 && words[1].equals("ok") && DIRECTORY.matcher(words[2]).matches()) {
            remove(upstream, privileged, words[2], "(a first install)");
        }
    }

    private void remove(ClientSession upstream, PrivilegedTier privileged, String directory, String sessionId) {
        String command = "/bin/rm -rf " + directory + " " + directory + "-supervisor";
        try (ChannelExec channel = upstream.createExecChannel(privileged == null ? "exec " + command
                : privileged.asRoot(command))) {
            channel.open().verify(services.timeout());
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), services.timeout());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not remove the hook directory of session " + sessionId
                    + "; the next session of this account removes it", e);
        }
    }

    /** Asks sshd to forward a loopback port it picks to this connection: the hooks' way back to the gateway. */
    private int forward(ClientSession upstream) throws HookUnavailableException {
        try {
            Buffer request = upstream.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST);
            request.putString("tcpip-forward");
            request.putBoolean(true);
            request.putString("127.0.0.1");
            request.putUInt(0);
            Buffer reply = upstream.request("tcpip-forward", request, services.timeout());
            if (reply == null) {
                throw new HookUnavailableException("the server refuses port forwarding (sshd AllowTcpForwarding), "
                        + "which the hook needs to report");
            }
            return (int) reply.getUInt();
        } catch (IOException e) {
            throw new HookUnavailableException("the server did not answer the hook's port forwarding request: "
                    + e.getMessage(), e);
        }
    }

    /** Runs the installer; its output lines (the status lines among them). */
    private List<String> runInstaller(ClientSession upstream, String installer, String script) throws HookUnavailableException {
        try (InstallerRun run = InstallerRun.start(upstream, installer)) {
            return run.finish(script, services.timeout(), installerLimit());
        }
    }

    /** How long an installer may run once its channel is open. */
    private Duration installerLimit() {
        return services.timeout().multipliedBy(3);
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
