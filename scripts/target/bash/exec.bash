# ShellGuard: the BASH_ENV of an exec session's bash (`ssh gateway 'command'`). The bash sshd starts for a
# remote command reads ~/.bashrc on Debian and most other distributions; this does the same, and arms the
# hook for the command: after ~/.bashrc in the same-account tier, before it in the privileged tier
# (__SG_ARM_FIRST=1), where what ~/.bashrc runs is judged like the command (see rc.bash). hook.bash then
# points BASH_ENV at itself for every bash the command starts.
. "${BASH_SOURCE[0]%/*}/unpreload.sh"
__sg_startup=()
if [[ ${__SG_SOURCE_BASHRC-} == 1 ]]; then
  unset __SG_SOURCE_BASHRC
  [[ -r ~/.bashrc ]] && __sg_startup+=(~/.bashrc)
fi
if [[ ${__SG_ARM_FIRST-} != 1 ]]; then
  [[ ${__sg_startup[0]+x} ]] && . "${__sg_startup[0]}"
  unset __sg_startup
fi
__SG_ROLE=exec
. "${BASH_SOURCE[0]%/*}/hook.bash"
[[ ${__SG_ARM_FIRST-} == 1 && ${__sg_startup[0]+x} ]] && . "${__sg_startup[0]}"
