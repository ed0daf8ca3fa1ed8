package com.shellguard.command;

import com.shellguard.command.analysis.CommandAnalyzer;
import com.shellguard.command.audit.CommandRecorder;
import com.shellguard.command.model.Command;
import com.shellguard.command.policy.CommandPolicy;
import com.shellguard.command.policy.PolicyCache;
import com.shellguard.command.policy.PolicyEvaluator;
import com.shellguard.command.policy.SessionPolicy;
import com.shellguard.command.policy.SessionScopes;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.HookStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The command control of hooked sessions, as the connector asks for it: the application's end of the command path's
 * three crossings (traced in the connector's {@code com.shellguard.connector.adapter.hook} package documentation).
 * <ol>
 * <li>{@link #decide}: a command the hook asks about; the shell waits.</li>
 * <li>{@link #snapshot}: the filter the session's hooks decide alone with.</li>
 * <li>{@link #record}: the audit leg, batches of every judged command, completions, typed lines and alerts.</li>
 * </ol>
 * Decisions and policy snapshots come from memory and need no transaction (a user's shell waits for them); they
 * write nothing, because the connector sends every command again, answered, in the audit batches that {@link #record}
 * writes. The connector's {@code CommandFacts} become the application's {@link Command} here, on the way in, in
 * {@link CommandFactsTranslation}; nothing behind this class sees them.
 */
@Stateless
public class CommandControlService {

    @Inject
    PolicyCache policies;

    @Inject
    SessionScopes sessions;

    @Inject
    CommandRecorder recorder;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CommandVerdict decide(CommandEvent event) {
        CommandPolicy policy = policies.current();
        return sessions.policy(event.sessionId(), policy)
                .map(p -> {
                    Command command = CommandFactsTranslation.command(event.facts());
                    return PolicyEvaluator.decide(p, command, CommandAnalyzer.analyze(command));
                })
                .orElseGet(() -> PolicyEvaluator.unknownSession(policy.version()));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CommandPolicySnapshot snapshot(String sessionId) {
        CommandPolicy policy = policies.current();
        return sessions.policy(sessionId, policy).map(SessionPolicy::snapshot)
                .orElseGet(() -> SessionPolicy.unknownSession(policy.version()));
    }

    public void record(CommandRecordBatch batch) {
        recorder.record(CommandFactsTranslation.judged(batch.commands()), batch.completions(), batch.lines(), batch.alerts());
    }

    public void hookStatus(HookStatus status) {
        recorder.hookStatus(status);
    }
}
