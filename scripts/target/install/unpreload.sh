# ShellGuard: sourced first by the session shell (rc.bash, exec.bash, zdot/.zshenv; POSIX syntax, for bash and
# zsh alike). The start script loads the exec guard into the session's shell itself, dormant, so that what
# the shell later runs directly is decided too; until the hook arms after the user's startup files, the
# programs those files start must not carry it, so LD_PRELOAD is put back as the user had it.
if [ -n "${__SG_GUARD_LOADED-}" ]; then
  LD_PRELOAD=${LD_PRELOAD#"$__SG_GUARD_LOADED"}
  LD_PRELOAD=${LD_PRELOAD#:}
  [ -n "$LD_PRELOAD" ] || unset LD_PRELOAD
  unset __SG_GUARD_LOADED
fi
