/**
 * Whether this node can do its job. A gateway that cannot write its audit must not look healthy to a load
 * balancer, so health is a real round trip to the database, not just "the process is up".
 */
package com.shellguard.health;
