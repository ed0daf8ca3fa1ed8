package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * Something the security team must see about a session that is not one command's verdict: the hook was
 * switched off and repaired, it could not be installed, a report failed the gateway's checks, the hook fell silent,
 * the login's startup files changed.
 */
public record SessionAlert(String sessionId, Kind kind, String detail, long timeMicros) implements Serializable {

    public enum Kind {
        /** An attempt to switch the hook off or around it. */
        TAMPER,
        /** The hook could not be installed; the session ran without it (or was refused, on a strict server). */
        HOOK_UNAVAILABLE,
        /**
         * A hook's witness failed the gateway's check: a connection to the hook's port without the session's secret
         * (alerted once per session), a report of a program the policy refuses, a completion of a command the
         * connection does not own or that already finished.
         */
        FORGED_REPORT,
        /**
         * The exec guard (the preload library) cannot load on the server: programs started by other programs
         * are not watched; the session ran with the shell hook alone (or was refused, on a strict server).
         */
        GUARD_UNAVAILABLE,
        /**
         * The supervisor (the session's ptrace tracer) cannot run on the server (ptrace refused, another
         * architecture): static binaries and raw system calls are not followed; the session ran with the hook and
         * the guard alone (or was refused, on a strict server).
         */
        SUPERVISOR_UNAVAILABLE,
        /**
         * The session's supervisor went away while the session ran (killed, or its connection cut) without its
         * goodbye: the session's processes died with it, and the gateway ended the session.
         */
        SUPERVISOR_LOST,
        /**
         * A setuid or setgid program was started in a session supervised as the login itself, where it cannot gain
         * its privilege: the supervisor stopped it before it ran and told the user.
         */
        SUPERVISOR_SETUID,
        /**
         * The session's hooks sent more than the gateway takes from one session (connections open at once, questions
         * waiting, messages): the rest was refused (and on a strict server the session ended).
         */
        HOOK_FLOOD,
        /**
         * A line was entered at the shell's prompt and the session's hook said nothing about it within the silence
         * limit: the hook was switched off in a way it did not catch itself (on a strict server the session ended).
         */
        HOOK_SILENT,
        /**
         * A startup or key file of the target login (~/.bashrc, ~/.ssh/authorized_keys, ...) changed since the
         * state the gateway last saw and accepted, and the gateway did not make the change.
         */
        STARTUP_FILE_CHANGED,
        /**
         * The session's recording could not be started, or could not be written any more (the gateway's disk full, a
         * watched user's output filling it): the session went on unrecorded from then on.
         */
        RECORDING_FAILED,
        /**
         * Not about one session ({@code sessionId} null): this node could not write the audit to the database for a
         * while (it was away); what happened meanwhile was held and written once it was back, late but complete.
         */
        AUDIT_DELAYED,
        /**
         * Not about one session: the audit held in this node's memory reached its limit while the database was away,
         * and the rest went to the node's spool on disk, written to the database in order once it was back.
         */
        AUDIT_SPOOLED,
        /**
         * Not about one session: the node's audit spool was full while the database was away, and audit events were
         * dropped (the detail says how many and when): the one case where the audit is incomplete.
         */
        AUDIT_LOST
    }
}
