/**
 * The gateway's decisions, as the connector asks for them: is this credential right, may this session
 * open and where does it go, is this the server's host key. Each decision also writes its audit row, in
 * the same transaction, so no decision is taken without a trace.
 */
package com.shellguard.access;
