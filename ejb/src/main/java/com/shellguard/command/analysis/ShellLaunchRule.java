package com.shellguard.command.analysis;

import java.util.Optional;

/**
 * Starting a shell the hook does not follow. The hook follows an interactive bash only when its own stand-in
 * starts it, any non-interactive bash through {@code BASH_ENV}, and zsh through {@code ZDOTDIR}; so it is tamper
 * to start a shell without those variables ({@code env -i}), to {@code exec} an interactive shell, to start bash
 * in POSIX mode (or, for a script, privileged mode), zsh without its startup files, or an interactive shell the hook cannot reach (one given by path,
 * run by another program, or of a kind the hook has no hook for). A non-interactive shell that is not hooked
 * ({@code /bin/sh -c ...}, {@code sudo bash -c ...}) is not tamper: its command string is analysed instead.
 */
final class ShellLaunchRule implements TamperRule {

    @Override
    public Optional<String> check(Launch launch) {
        Optional<ShellFamily> family = ShellFamily.of(launch.name());
        if (family.isEmpty() || launch.startedAs() == StartedAs.FUNCTION) {
            return Optional.empty();
        }
        ShellCommandLine line = ShellCommandLine.parse(family.get(), launch.name(), launch.args());
        if (launch.variables() == HookVariables.CLEARED) {
            return TamperRule.tamper(launch, "starts a shell without the variables that load the hook");
        }
        if (launch.startedAs() == StartedAs.EXEC && line.interactive()) {
            return TamperRule.tamper(launch, "replaces the hooked shell with an interactive shell");
        }
        boolean bash = family.get() == ShellFamily.BASH
            || family.get() == ShellFamily.SH && line.reachesStandIn(launch.startedAs(), launch.hookedShell());
        if (line.posix() && bash) {
            return TamperRule.tamper(launch, "starts bash in POSIX mode, which loads neither BASH_ENV nor the hook's rc file");
        }
        if (line.privileged() && bash && !line.interactive()) {
            return TamperRule.tamper(launch, "starts bash in privileged mode, which skips BASH_ENV and so the hook");
        }
        if (family.get() == ShellFamily.ZSH && line.withoutStartupFiles()) {
            return TamperRule.tamper(launch, "starts zsh without the startup files that load the hook");
        }
        if (line.interactive() && !line.keepsHook(launch.startedAs(), launch.variables(), launch.hookedShell())
                && launch.variables() != HookVariables.SWITCHED_USER) {
            return TamperRule.tamper(launch, UNFOLLOWED);
        }
        return Optional.empty();
    }

    static final String UNFOLLOWED = "starts an interactive shell the hook does not follow";

    /**
     * An interactive shell another user's command starts ({@code sudo bash}, {@code su -c bash}): no hook follows it,
     * and whether that is tamper depends on the session's tier ({@link CommandAnalysis#otherUsersShells}).
     */
    static Optional<String> otherUsersShell(Launch launch) {
        Optional<ShellFamily> family = ShellFamily.of(launch.name());
        if (family.isEmpty() || launch.startedAs() == StartedAs.FUNCTION || launch.variables() != HookVariables.SWITCHED_USER) {
            return Optional.empty();
        }
        ShellCommandLine line = ShellCommandLine.parse(family.get(), launch.name(), launch.args());
        return line.interactive() && !line.keepsHook(launch.startedAs(), launch.variables(), launch.hookedShell())
                ? TamperRule.tamper(launch, UNFOLLOWED) : Optional.empty();
    }
}
