# ShellGuard: the BASH_ENV of an exec session's bash (`ssh gateway 'command'`). The bash sshd starts for a
# remote command reads ~/.bashrc on Debian and most other distributions; this does the same, then arms the
# hook for the command. hook.bash then points BASH_ENV at itself for every bash the command starts.
. "${BASH_SOURCE[0]%/*}/unpreload.sh"
if [[ ${__SG_SOURCE_BASHRC-} == 1 ]]; then
  unset __SG_SOURCE_BASHRC
  [[ -r ~/.bashrc ]] && . ~/.bashrc
fi
__SG_ROLE=exec
. "${BASH_SOURCE[0]%/*}/hook.bash"
