/** What every feature shares: the exceptions that become 400/404/409, the name rule, the audit clock. */
package com.shellguard.common;
