package com.shellguard.command;

import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.HookStatus;
import jakarta.ejb.Stateless;

/** Decides the commands of hooked sessions and keeps their audit. (Being built: see the command-control issue.) */
@Stateless
public class CommandControlService {

    public CommandVerdict decide(CommandEvent event) {
        throw new UnsupportedOperationException("command control is not built yet");
    }

    public CommandPolicySnapshot snapshot(String sessionId) {
        throw new UnsupportedOperationException("command control is not built yet");
    }

    public void record(CommandRecordBatch batch) {
        throw new UnsupportedOperationException("command control is not built yet");
    }

    public void hookStatus(HookStatus status) {
        throw new UnsupportedOperationException("command control is not built yet");
    }
}
