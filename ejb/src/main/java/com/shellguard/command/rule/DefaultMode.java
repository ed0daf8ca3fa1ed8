package com.shellguard.command.rule;

/**
 * How a server label treats programs no rule decides: {@code ALLOW} lets them run, {@code ALLOWLIST} blocks
 * every program no ALLOW rule names. A server with any allowlist label (or an allowlist on {@code *}) runs in
 * allowlist mode; {@code ALLOW} records the intent and overrides nothing, so one label cannot silently
 * weaken another's allowlist. {@code OFF} injects no command hook on the label's servers (sessions are still
 * audited as sessions), unless the server is strict or runs an allowlist, which need the hook.
 */
public enum DefaultMode {
    ALLOW, ALLOWLIST, OFF
}
