package com.shellguard.command.audit;

import com.shellguard.command.model.Command;
import com.shellguard.connector.api.CommandVerdict;

/**
 * A command of a session with what became of it: asked and answered, or reported (the hook let it run because
 * no rule could apply; its verdict is then "allowed"). {@code verdict} null reads as allowed.
 */
public record JudgedCommand(String sessionId, Command command, CommandVerdict verdict) {
}
