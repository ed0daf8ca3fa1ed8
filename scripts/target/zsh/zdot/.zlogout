# ShellGuard: $ZDOTDIR/.zlogout of a hooked zsh: runs the user's own .zlogout (see user.zsh).
__sg_rc=.zlogout
'builtin' 'source' "${${(%):-%x}:A:h}/user.zsh"
