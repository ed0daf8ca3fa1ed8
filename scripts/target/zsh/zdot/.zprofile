# ShellGuard: $ZDOTDIR/.zprofile of a hooked zsh: runs the user's own .zprofile (see user.zsh).
__sg_rc=.zprofile
'builtin' 'source' "${${(%):-%x}:A:h}/user.zsh"
