package com.shellguard.command.rule;

/** Rules or defaults changed in the current transaction; observed after it commits. */
public record PolicyChanged(long version) {
}
