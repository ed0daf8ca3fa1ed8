package com.shellguard.command.audit;

import com.shellguard.connector.api.SessionAlert;

/**
 * Why the security team is alerted: TAMPER (an attempt to switch the hook off or around it), HOOK_UNAVAILABLE
 * (a session ran, or was refused, without the hook), FORGED_REPORT (a connection to the hook's port without
 * the session's secret), POLICY (an ALERT rule matched a command), GUARD_UNAVAILABLE (the exec guard cannot load
 * on the server: programs started by other programs went unwatched, or the strict server refused the session),
 * HOOK_FLOOD (a session's hooks sent more than the gateway takes from one session), HOOK_SILENT (a line entered at the
 * prompt went unreported: the hook stopped talking), STARTUP_FILE_CHANGED (a login's startup or key file changed since
 * the state an administrator accepted, by no hand of the gateway's), HOST_KEY_PINNED (a session's first contact with a server pinned every
 * host key the server proved: whoever answered that first contact is trusted from then on, so it is worth a look), HOST_KEY_CHANGED (a server proved a host key that
 * is not pinned: the session was refused before any credential was sent), SUPERVISOR_UNAVAILABLE (the supervisor, the
 * session's ptrace tracer, cannot run on the server: static binaries and raw system calls went unwatched, or the
 * strict server refused the session), SUPERVISOR_LOST (the supervisor went away while the session ran, killed or
 * cut off: the session ended), SUPERVISOR_SETUID (a setuid or setgid program was stopped in a session supervised
 * as the login itself, where it cannot gain its privilege), PROTECTED_FILE (a file transfer tried to change one of
 * the login's protected startup or key files, and was refused), LOGIN_LOCKED (an account was locked after failed logins; no
 * session), ADDRESS_THROTTLED (a source address was refused after failed logins; no session), NODE_LOST (the
 * cluster node relaying a session stopped answering and another node closed the session's audit; without a session
 * when the lost node held none), NODE_FENCED (that node was alive after all: it ended the session itself when it
 * learned it had been taken for lost; without a session when it held none); and, about a node rather than a session, AUDIT_DELAYED (the node could not write
 * the audit for a while: what happened meanwhile was held and written late), AUDIT_SPOOLED (what was held outgrew
 * the node's memory limit and went to its spool on disk) and AUDIT_LOST (the spool was full: audit events were
 * dropped); RECORDING_FAILED (a session's recording could not be started or written any more, the gateway's disk
 * full: the session went on unrecorded).
 */
public enum AlertKind {
    TAMPER, HOOK_UNAVAILABLE, FORGED_REPORT, POLICY, GUARD_UNAVAILABLE, HOST_KEY_PINNED, HOST_KEY_CHANGED,
    SUPERVISOR_UNAVAILABLE, SUPERVISOR_LOST, SUPERVISOR_SETUID, PROTECTED_FILE, HOOK_FLOOD,
    HOOK_SILENT, STARTUP_FILE_CHANGED, LOGIN_LOCKED, ADDRESS_THROTTLED, NODE_LOST, NODE_FENCED, AUDIT_DELAYED,
    AUDIT_SPOOLED, AUDIT_LOST, RECORDING_FAILED;

    public static AlertKind of(SessionAlert.Kind kind) {
        return switch (kind) {
            case TAMPER -> TAMPER;
            case HOOK_UNAVAILABLE -> HOOK_UNAVAILABLE;
            case FORGED_REPORT -> FORGED_REPORT;
            case GUARD_UNAVAILABLE -> GUARD_UNAVAILABLE;
            case SUPERVISOR_UNAVAILABLE -> SUPERVISOR_UNAVAILABLE;
            case SUPERVISOR_LOST -> SUPERVISOR_LOST;
            case SUPERVISOR_SETUID -> SUPERVISOR_SETUID;
            case HOOK_FLOOD -> HOOK_FLOOD;
            case HOOK_SILENT -> HOOK_SILENT;
            case STARTUP_FILE_CHANGED -> STARTUP_FILE_CHANGED;
            case AUDIT_DELAYED -> AUDIT_DELAYED;
            case AUDIT_SPOOLED -> AUDIT_SPOOLED;
            case AUDIT_LOST -> AUDIT_LOST;
            case RECORDING_FAILED -> RECORDING_FAILED;
        };
    }
}
