package com.shellguard.command.analysis;

/**
 * Whether the variables that load the hook into new shells ({@code BASH_ENV}, {@code ZDOTDIR}, {@code ENV})
 * still reach a command. Ordered from best to worst: a command inside {@code env -i sudo ...} is as bad off as
 * the worst of its wrappers makes it.
 */
enum HookVariables {
    /** Inherited as the hook set them. */
    KEPT,
    /**
     * Another user's command ({@code sudo}, {@code su}, {@code doas}, {@code runuser}): they drop
     * {@code BASH_ENV}, so shells run there are not hooked. Usual for administration, so not tamper by itself.
     */
    SWITCHED_USER,
    /** Cleared by the user ({@code env -i}, {@code env -u BASH_ENV}, {@code exec -c}): a shell run there is tamper. */
    CLEARED;

    HookVariables worse(HookVariables other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
