# ShellGuard: $ZDOTDIR/.zlogin of a hooked zsh: runs the user's own .zlogin (see user.zsh).
__sg_rc=.zlogin
'builtin' 'source' "${${(%):-%x}:A:h}/user.zsh"
