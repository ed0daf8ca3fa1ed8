/**
 * The admin audit: every change an administrator (or a person enrolling their own second factor) makes through the
 * REST API or the console, with who made it (the account, and the API token's name when one was used), when, from
 * which address, what (kind, resource, action) and the resource's fields before and after.
 *
 * <p>Why here, in the application services: the console and the API both change things only by calling the services
 * of {@code user}, {@code server}, {@code grant}, {@code command.rule}, {@code token}, {@code totp}, ... so each of those
 * calls {@link com.shellguard.adminaudit.AdminChangeRecorder} once per change, inside the change's own transaction (a
 * refused change records nothing, a recorded one happened). Who is calling is not a parameter of every service method:
 * the door (the API's access filter, the console's filter) fills the request-scoped
 * {@link com.shellguard.adminaudit.AdminActor}. A change made outside a request with an actor (a session pinning host
 * keys, the directory updating a person at login) is the gateway's own and is not an admin change.
 *
 * <p>Secrets never enter a row: a service describes a password, a stored credential or a TOTP seed by a
 * {@link com.shellguard.adminaudit.ChangeFields#secret fingerprint} that is compared in memory and written only as
 * {@code set}, {@code changed} or {@code unchanged}. Public and host keys are written as their fingerprints.
 *
 * <p>Limits: a REST request that changes something through a service that does not record it is still caught by the
 * API's safety net ({@code AdminChangeNet} in the web module) as a row without fields; the console has no such net.
 */
package com.shellguard.adminaudit;
