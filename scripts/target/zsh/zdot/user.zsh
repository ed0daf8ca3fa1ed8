# ShellGuard: runs the user's own startup file $__sg_rc (.zshenv, .zprofile, .zshrc, .zlogin, .zlogout) as
# zsh would have: from the user's ZDOTDIR, or $HOME when there is none, with that ZDOTDIR in place, so the
# user's files see it and may change it (a ~/.zshenv that sets ZDOTDIR moves the later files, as in plain
# zsh). __SG_ZDOTDIR carries the user's value from file to file and into every zsh started later, while
# ZDOTDIR itself goes back to this directory so that zsh reads the next file of ours and child zsh find
# the hook. An interactive zsh is armed after its last file: .zlogin for a login shell, .zshrc otherwise,
# or the current one when it switched RCS off (zsh then reads no further file).
#
# Sourced at the top level, never from a function: typeset in the user's files must stay global. The
# user's files may define aliases, global ones included, before the lines below are parsed: hence the
# quoted words; and a function named `builtin` is disabled.
'builtin' 'zmodload' 'zsh/parameter'
(( ${+functions[builtin]} )) && dis_functions[builtin]=$functions[builtin]
if [[ -n ${__SG_ZDOTDIR-} ]]; then 'builtin' 'typeset' '-gx' ZDOTDIR=$__SG_ZDOTDIR; else 'builtin' 'unset' 'ZDOTDIR'; fi
if [[ -r ${ZDOTDIR:-$HOME}/$__sg_rc ]]; then 'builtin' 'source' "${ZDOTDIR:-$HOME}/$__sg_rc"; fi
'builtin' 'typeset' '-gx' __SG_ZDOTDIR=${ZDOTDIR-} ZDOTDIR=${${(%):-%x}:A:h}
if [[ -o interactive && -z ${__sg_role-} ]] \
    && [[ $__sg_rc == .zlogin || ( $__sg_rc == .zshrc && ! -o login ) || ! -o rcs ]]; then
  __sg_want=interactive
  'builtin' 'source' "${${(%):-%x}:A:h}/arm.zsh"
fi
