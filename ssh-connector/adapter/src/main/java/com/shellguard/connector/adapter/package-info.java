/**
 * The ShellGuard resource adapter: a JCA 2.1 inbound adapter that owns the gateway's SSH side.
 *
 * <p>Why a resource adapter: an SSH listener is a long-lived server socket with its own threads, which
 * application components may not open themselves. JCA gives it a managed lifecycle (start with the
 * server, stop with it), the container's WorkManager for blocking work, and the inbound contract to hand
 * events to message-driven beans with transactions and pooling — so the adapter never looks up an EJB.
 *
 * <p>Layout by feature: {@code server} accepts clients and authenticates them, {@code session} runs one
 * proxied channel step by step, {@code upstream} connects to target servers, {@code hook} installs and talks
 * to the command hook on them (its package documentation traces a command's path to the application and back),
 * {@code relay} moves bytes between the two sides, {@code recording} writes what the user saw, and
 * {@code runtime} holds what all of them run on. Dependencies point one way, from {@code server} down to
 * {@code runtime}, with no cycle; this package assembles them and nothing imports it.
 * Every decision goes through {@link com.shellguard.connector.api.GatewayListener}.
 */
package com.shellguard.connector.adapter;
