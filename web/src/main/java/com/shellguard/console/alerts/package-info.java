/**
 * The console's alerts page: every alert the gateway raised (what {@code GET /api/v1/audit/alerts} lists), filtered by
 * kind, user, server and time, each linked to its session's page and, where a command raised it, to that command on
 * the session's timeline. Alerts are not acknowledged: the dashboard counts those of the last 24 hours.
 */
package com.shellguard.console.alerts;
