/**
 * What a command text runs, and whether it would switch the hook off: the policy's view of one command.
 * <p>
 * The hook sees each simple command before parameter expansion and cannot see inside the programs it starts,
 * so a command that runs other commands ({@code xargs rm}, {@code sudo sh -c '...'}, {@code find -exec}) would
 * slip past a policy that only looks at the command word. {@link com.shellguard.command.analysis.CommandAnalyzer}
 * reads the text as a shell would (without expanding anything) and follows wrappers and command strings down to
 * every program they run, and it flags a command that would switch the hook off before it gets the chance.
 * Nothing here executes, resolves or expands: it is pure text analysis, bounded in time, and never throws.
 *
 * <h2>What counts as tamper</h2>
 * Anything that removes what the hook runs on or hides from it, in bash and zsh alike, also behind
 * {@code builtin}/{@code command}/{@code eval} and inside the command strings of wrappers:
 * <ul>
 *   <li>{@code trap} on DEBUG or RETURN (not listing traps, not other signals);</li>
 *   <li>options: functrace off ({@code set +T}), history off, POSIX mode on, zsh's DEBUG_BEFORE_CMD off, and zsh's
 *       HIST_IGNORE_SPACE / HIST_NO_STORE on (they keep typed lines out of the history the hook reports from; every
 *       other zsh history option is fine). {@code shopt}'s own options, extdebug included, are fine;</li>
 *   <li>assigning, unsetting, unexporting, redeclaring, shadowing ({@code local}) or referencing ({@code declare -n})
 *       a variable the hook relies on (the history variables included: {@code HISTSIZE} below 100 empties the
 *       history the typed lines are read from; and {@code EPOCHSECONDS}/{@code EPOCHREALTIME}, which the trap
 *       computes with), removing one of its functions or stand-ins, switching builtins off or loading new ones
 *       ({@code enable -f}, and {@code enable NAME} for a name that is not one of bash's own builtins: bash 5.2
 *       loads it from its loadables directory, and it runs with no program start), and defining a function or
 *       alias with a name the hook calls;</li>
 *   <li>starting a shell the hook does not follow: without its variables ({@code env -i}), by {@code exec}
 *       interactively, bash in POSIX or (for scripts) privileged mode, zsh without startup files, or any
 *       interactive shell the hook's own stand-in does not start ({@code /bin/sh}, {@code script},
 *       {@code chroot DIR}); an interactive shell of another user ({@code sudo -i}, {@code sudo bash}, {@code su -})
 *       is named apart ({@code CommandAnalysis.otherUsersShells}): the policy counts it as tamper except in the
 *       privileged tier, whose root supervisor follows and judges what it starts;</li>
 *   <li>a command word only known when it runs whose arguments mention the hook's trap, options or names.</li>
 * </ul>
 *
 * <h2>Beyond tamper</h2>
 * <ul>
 *   <li>{@code enable NAME} runs NAME: each name is an invocation, so a rule on {@code rm} applies to it.</li>
 *   <li>{@code crontab FILE}, {@code crontab -}, {@code crontab -e}, {@code at} and {@code batch} hand commands to a
 *       daemon that runs them later, outside the session; what they hand on is not in the text, so the analysis
 *       names them {@link com.shellguard.command.analysis.CommandAnalysis#unseen() unseen} and the policy refuses
 *       them while rules apply. Listing and removing ({@code crontab -l}, {@code at -l}) schedule nothing.</li>
 * </ul>
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>Names and options only known when the command runs ({@code unset "$v"}, {@code declare "$n=x"}) are not
 *       judged, except where they stand for a signal or a shell option.</li>
 *   <li>A non-interactive shell the hook cannot follow ({@code /bin/sh -c}, {@code sudo bash -c}: sudo drops
 *       {@code BASH_ENV}) is not tamper; its command string is analysed instead, but a script it runs is not seen.</li>
 *   <li>Commands inside an unquoted here-document body ({@code $(...)} in the text of {@code cat <<EOF}) are not
 *       reported; a hooked shell sees them when they run.</li>
 *   <li>zsh's per-word paths ({@code Command.listed}) are not used: the text itself is analysed.</li>
 *   <li>The payload of a schedule is never read, not even a here-string or a pipe in the same text
 *       ({@code at now <<< 'rm x'}): every such install is unseen.</li>
 * </ul>
 */
package com.shellguard.command.analysis;
