/**
 * Who may reach which server as which login. A grant names a user or a group, and a server or a label,
 * and lists logins; a user's access to a server is the union over every grant that matches both sides.
 * The resolution is a pure function ({@link com.shellguard.grant.GrantResolver}) so it is tested without a database.
 */
package com.shellguard.grant;
