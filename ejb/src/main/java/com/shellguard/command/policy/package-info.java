/**
 * Deciding commands from memory. {@link com.shellguard.command.policy.PolicyEvaluator} is the decision, a
 * pure function tested without a container; {@link com.shellguard.command.policy.PolicyCache} holds the
 * policy of this node, reloaded when its version changes; {@link com.shellguard.command.policy.SessionScopes}
 * holds who and where each open session runs, so a decision needs no database round trip.
 */
package com.shellguard.command.policy;
