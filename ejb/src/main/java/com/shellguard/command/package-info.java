/**
 * Shell-native command control: {@link com.shellguard.command.CommandControlService} is what the gateway MDB
 * calls; {@code rule} is the policy admins write, {@code policy} decides from memory, {@code analysis} says
 * what a command runs, {@code audit} keeps what ran.
 */
package com.shellguard.command;
