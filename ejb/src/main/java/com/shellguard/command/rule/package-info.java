/**
 * The command policy as admins write it: rules (what a command must match, what then happens, for whom and
 * where) and a default mode per server label. Every change raises the policy version in the same
 * transaction, which is how every node's in-memory copy ({@link com.shellguard.command.policy}) learns of it.
 */
package com.shellguard.command.rule;
