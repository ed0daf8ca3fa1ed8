package com.shellguard.command.rule;

/**
 * What a rule's pattern is compared with. {@code COMMAND}: a program name or glob, against the name of every
 * program the command runs; {@code PATH}: a glob of absolute paths, against the files it runs; {@code LINE}: a
 * regular expression, searched in the command's text.
 */
public enum RuleMatch {
    COMMAND, PATH, LINE
}
