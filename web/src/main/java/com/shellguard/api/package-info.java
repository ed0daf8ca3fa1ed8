/**
 * The REST API under {@code /api/v1}, for admins and for IAM and SIEM integrations. Resources are thin:
 * they read JSON into drafts, call the application services, and write JSON views. Requests are read with
 * JSON-P rather than bound to classes so that every malformed field gets a 400 naming it, and responses are
 * written with JSON-P so absent values appear as explicit nulls and secrets cannot slip out by reflection.
 */
package com.shellguard.api;
