/**
 * The gateway's session decisions, as the connector asks for them: which servers a user may pick from,
 * whether a session may open, where it goes and with which credential, and how it ended. Every decision
 * writes its audit row in the same transaction, refusals included, so nothing is decided without a trace.
 */
package com.shellguard.session;
