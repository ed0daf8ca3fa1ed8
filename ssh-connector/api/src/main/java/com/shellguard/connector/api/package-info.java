/**
 * The contract between the SSH connector and the application.
 *
 * <p>The connector knows SSH and nothing about users, grants or credentials; the application knows
 * policy and nothing about SSH. Everything the connector must ask or report crosses this package as a
 * call on {@link com.shellguard.connector.api.GatewayListener}, the message-listener interface that
 * the application's message-driven bean implements. Calls return their verdicts synchronously, so the
 * connector never looks anything up by JNDI name and the container's transactions and pooling apply.
 *
 * <p>The types here are immutable records. This jar is packaged in the RAR, whose classes are visible
 * to every application on the server; applications compile against it with scope {@code provided}.
 *
 * <p>The hook protocol's vocabulary, {@link com.shellguard.connector.api.CommandField},
 * {@link com.shellguard.connector.api.HelloField}, {@link com.shellguard.connector.api.ShellRole},
 * {@link com.shellguard.connector.api.Resolution}, {@link com.shellguard.connector.api.CommandFlag} and
 * {@link com.shellguard.connector.api.HookTables}, is generated at build time from
 * scripts/target/protocol/protocol.def, the same file the hooks, the exec guard and the lane are built from, so
 * that the gateway and the target side cannot disagree on it.
 */
package com.shellguard.connector.api;
