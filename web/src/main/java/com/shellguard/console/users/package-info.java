/** Pages for the people who use the gateway and the console, and their groups. */
package com.shellguard.console.users;
