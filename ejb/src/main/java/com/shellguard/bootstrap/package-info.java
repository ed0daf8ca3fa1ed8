/** What a node does once when it starts: make sure an admin account exists. */
package com.shellguard.bootstrap;
