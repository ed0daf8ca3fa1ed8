/**
 * Searching the audit (sessions, commands, authentication events) with filters and paging, and exporting what
 * a search finds as CSV. The page and the export share one search and one set of columns, so the file holds
 * what the table shows.
 */
package com.shellguard.console.audit;
