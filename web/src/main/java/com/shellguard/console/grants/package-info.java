/** The page for grants: who may reach which servers, as which logins. */
package com.shellguard.console.grants;
