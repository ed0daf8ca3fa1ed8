/**
 * Server credentials at rest. Each secret is sealed with AES-256-GCM under the node's vault key, with a
 * fresh IV, so a database dump reveals nothing and a tampered value fails to open instead of yielding
 * garbage. The key never enters the database: it comes from configuration or a file in the node's home.
 */
package com.shellguard.vault;
