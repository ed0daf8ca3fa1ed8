/** The page for command rules: their order, editing them, and trying a command line against them. */
package com.shellguard.console.rules;
