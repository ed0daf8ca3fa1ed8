package com.shellguard.access;

/**
 * What a person asks for: {@code login} on {@code server} or on the servers of {@code label} (exactly one), for
 * {@code minutes} (a fraction is allowed: 0.5 is 30 seconds), because of {@code reason}; {@code origin} says where
 * they asked ({@code api}, {@code console}, {@code ssh}).
 */
public record AccessAsked(String server, String label, String login, Double minutes, String reason, String origin) {
}
