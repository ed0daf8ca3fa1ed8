/** Pages for the servers the gateway reaches, their host keys, and the credentials it logs in with there. */
package com.shellguard.console.servers;
