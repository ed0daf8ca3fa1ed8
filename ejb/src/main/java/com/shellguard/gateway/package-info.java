/**
 * The connector's way into the application: one message-driven bean implementing the connector's
 * {@link com.shellguard.connector.api.GatewayListener}. It only hands each call to the application service
 * that owns the decision (authentication, sessions, host keys); policy lives there.
 *
 * <p>The bean binds to the resource adapter named by the system property (or environment variable)
 * {@code shellguard.resource-adapter}: {@code shellguard-connector} on Payara Micro (scripts/run.sh sets it),
 * {@code shellguard#shellguard-connector} inside the EAR. An application's own
 * microprofile-config.properties is read too late for the MDB's activation, so it cannot carry this.
 */
package com.shellguard.gateway;
