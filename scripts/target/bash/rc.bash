# ShellGuard: the rc file of a hooked interactive bash (bash --rcfile THIS -i).
#
# It first does what bash itself would have done for this shell, so the user's aliases, functions and PATH
# are all there: the startup files of a login shell for the session's own shell (sshd would have started
# "-bash"), those of an interactive shell for a bash started inside the session. Only then is the hook
# armed: arming before made slow dotfiles (pyenv, nvm) run every one of their commands through the hook.
. "${BASH_SOURCE[0]%/*}/unpreload.sh"
if [[ ${__SG_LOGIN-} == 1 ]]; then
  unset __SG_LOGIN
  [[ -r /etc/profile ]] && . /etc/profile
  for __sg_profile in ~/.bash_profile ~/.bash_login ~/.profile; do
    if [[ -r $__sg_profile ]]; then . "$__sg_profile"; break; fi
  done
  unset __sg_profile
else
  [[ -r ~/.bashrc ]] && . ~/.bashrc
fi
. "${BASH_SOURCE[0]%/*}/hook.bash"
__sg_arm interactive
