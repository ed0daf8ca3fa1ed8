/**
 * The admin console: Jakarta Faces pages (PrimeFaces) under {@code /console}, for people rather than scripts.
 * Page beans are thin: they hold what a page shows and edits and call the same application services as the
 * REST API, so a rule is enforced the same whichever door a change comes through. This package holds what every
 * page shares: the login (a form, Jakarta Security, accounts with role ADMIN or AUDITOR), the caller, the
 * admin-only guard on actions that change anything, and how a service's refusal becomes a message.
 */
package com.shellguard.console;
