package com.shellguard.command.rule;

/**
 * What a matching rule does. ALLOW, BLOCK and TERMINATE decide (the first matching one by priority wins);
 * ALERT only raises an alert and lets the decision to the other rules.
 */
public enum RuleAction {
    ALLOW, BLOCK, ALERT, TERMINATE;

    public boolean decides() {
        return this != ALERT;
    }
}
