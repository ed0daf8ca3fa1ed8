# ShellGuard: the rc file of a hooked interactive bash (bash --rcfile THIS -i).
#
# It does what bash itself would have done for this shell, so the user's aliases, functions and PATH are all
# there: the startup files of a login shell for the session's own shell (sshd would have started "-bash"),
# those of an interactive shell for a bash started inside the session. When the hook arms depends on the tier:
# - same-account (the default): after the files. The login owns them and can switch off anything they run
#   anyway, and arming before made slow dotfiles (pyenv, nvm) run every one of their commands through the hook.
# - privileged (__SG_ARM_FIRST=1, which the privileged tier's start passes on): before them, so the files run
#   under the hook like typed commands: what they run is judged, tamper in them (a PROMPT_COMMAND of their own
#   among it) is blocked and alerted. A plain HISTCONTROL or HISTIGNORE setting (Debian's ~/.bashrc has one) is let
#   run and emptied at the first prompt, before any line is typed.
# The files are chosen before the hook arms: once it has, the hook's own names (__sg_*, __SG_*) are protected.
. "${BASH_SOURCE[0]%/*}/unpreload.sh"
__sg_startup=()
if [[ ${__SG_LOGIN-} == 1 ]]; then
  unset __SG_LOGIN
  [[ -r /etc/profile ]] && __sg_startup+=(/etc/profile)
  for __sg_profile in ~/.bash_profile ~/.bash_login ~/.profile; do
    if [[ -r $__sg_profile ]]; then __sg_startup+=("$__sg_profile"); break; fi
  done
  unset __sg_profile
else
  [[ -r ~/.bashrc ]] && __sg_startup+=(~/.bashrc)
fi
if [[ ${__SG_ARM_FIRST-} == 1 ]]; then
  . "${BASH_SOURCE[0]%/*}/hook.bash"
  # until the first prompt the files may set HISTCONTROL and HISTIGNORE (hook.bash empties them at that prompt)
  __sg_startup_run=1
  __sg_arm interactive
  [[ ${__sg_startup[0]+x} ]] && . "${__sg_startup[0]}"
  [[ ${__sg_startup[1]+x} ]] && . "${__sg_startup[1]}"
else
  [[ ${__sg_startup[0]+x} ]] && . "${__sg_startup[0]}"
  [[ ${__sg_startup[1]+x} ]] && . "${__sg_startup[1]}"
  unset __sg_startup
  . "${BASH_SOURCE[0]%/*}/hook.bash"
  __sg_arm interactive
fi
