# ShellGuard: $ZDOTDIR/.zshrc of a hooked zsh: runs the user's own .zshrc (see user.zsh).
__sg_rc=.zshrc
'builtin' 'source' "${${(%):-%x}:A:h}/user.zsh"
