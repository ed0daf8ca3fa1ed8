/**
 * The audit export: every audit event pushed, as it happens, to the SIEM's syslog receivers (RFC 5424 over TCP or
 * TLS) and webhooks (signed JSON).
 *
 * <p>Why an outbox: an event must reach a receiver that is down for an hour and survive a gateway restart, and it
 * must exist exactly when its audit row does. So {@link com.shellguard.export.AuditEventPublisher} writes one
 * {@link com.shellguard.export.OutboxEntry} per destination in the very transaction that writes the audit row,
 * and {@link com.shellguard.export.ExportWorker} delivers them afterwards, outside any transaction, in order,
 * marking each batch delivered once the destination took it. At least once: a crash between sending and marking
 * sends a batch again, and every event carries its stable id for the receiver to drop the duplicate.
 *
 * <p>In a cluster every node runs the worker; a destination's lease (a conditional update of its row) lets one
 * node at a time deliver it, and another takes over 30 seconds after that node stops.
 *
 * <p>Limits: events are ordered per node by time, so two nodes' events of the same millisecond may arrive in
 * either order, and an event whose transaction commits after a later one was sent arrives after it. A destination
 * that never comes back keeps its queue until it is deleted. Events are exported as their row is first written:
 * a command's exit status that arrives in a later batch is in the API, not in the exported event.
 */
package com.shellguard.export;
