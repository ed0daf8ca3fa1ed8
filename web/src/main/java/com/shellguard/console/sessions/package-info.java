/** Pages for one session: its detail with the replay and the command timeline, and watching a live one. */
package com.shellguard.console.sessions;
