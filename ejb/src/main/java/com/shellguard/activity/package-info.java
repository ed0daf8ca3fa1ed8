/**
 * What happened on the gateway today, at a glance: live sessions, commands that were stopped and logins that
 * failed, hour by hour. Counted by the database (grouped queries), never by loading the audit.
 */
package com.shellguard.activity;
