/**
 * The audit trail: every authentication outcome and every session, including the ones the gateway
 * refused or could not open, with the reason the user was shown. Rows are written by the application
 * services as events arrive from the connector and are only ever read by the API afterwards.
 */
package com.shellguard.audit;
