# ShellGuard: $ZDOTDIR/.zshenv of every zsh of a session: the session's shell and every zsh started in it,
# since ZDOTDIR stays exported. zsh reads it first (after /etc/zsh/zshenv). A non-interactive zsh (zsh -c,
# a script, vim's :! with SHELL=zsh) reads no other file: it is armed here, before the user's own .zshenv,
# so what that file does is watched too. An interactive zsh is armed after the user's last startup file
# (user.zsh), except in the privileged tier (__SG_ARM_FIRST=1, see ../rc.bash): there it is armed here too,
# so every startup file of the user runs under the hook. A zsh started with -f or --no-rcs reads none of
# this: the gateway treats that as tamper.
'builtin' 'source' "${${(%):-%x}:A:h:h}/unpreload.sh"
if [[ ! -o interactive ]]; then
  __sg_want=${__SG_ROLE:-child}
  'builtin' 'source' "${${(%):-%x}:A:h}/arm.zsh"
elif [[ ${__SG_ARM_FIRST-} == 1 ]]; then
  __sg_want=interactive
  'builtin' 'source' "${${(%):-%x}:A:h}/arm.zsh"
fi
__sg_rc=.zshenv
'builtin' 'source' "${${(%):-%x}:A:h}/user.zsh"
