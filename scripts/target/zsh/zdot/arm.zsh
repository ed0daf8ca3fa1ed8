# ShellGuard: loads ../hook.zsh and arms it with role $__sg_want. Sourced at the top level, by .zshenv for a
# non-interactive zsh and by user.zsh for an interactive one. Loading under `emulate -R zsh -c` gives the
# hook's functions sticky emulation: they run with zsh's default options (plus extendedglob) whatever the
# user set, and are parsed without the user's aliases. The one function that must run in the user's option
# context (see __sg_userctx) is defined here, outside the emulation. A shell whose hook cannot be loaded
# stops: it must not run commands unwatched. Words are quoted against the user's aliases.
if [[ -z ${__sg_role-} ]]; then
  'builtin' 'zmodload' 'zsh/parameter'
  (( ${+functions[builtin]} )) && dis_functions[builtin]=$functions[builtin]
  __sg_hookfile=${${(%):-%x}:A:h:h}/hook.zsh
  'builtin' 'emulate' '-R' 'zsh' '-o' 'extendedglob' '-o' 'noaliases' '-c' '. "$__sg_hookfile"' || {
    'builtin' 'print' '-ru2' -- "shellguard: the command hook could not be loaded; this shell stops"
    'builtin' 'exit' '126'
  }
  'builtin' 'eval' "$__sg_userctx"
  '__sg_arm' "$__sg_want"
  'builtin' 'unset' '__sg_hookfile' '__sg_want'
fi
