# ShellGuard: the sftp subsystem of a session in the privileged tier, where the gateway is logged in as the
# server's privileged account and the session is for another login. The gateway runs this text as root
# (`exec [sudo -n] /bin/sh -c TEXT sg-sftp LOGIN`) instead of asking sshd for the subsystem, which would
# serve the privileged account's files: it starts the target's own sftp-server as LOGIN, as sshd would for
# LOGIN's subsystem request: LOGIN's uid, primary and supplementary groups, a fresh environment (HOME, USER,
# LOGNAME, SHELL, PATH; setpriv --reset-env), LOGIN's home directory as working directory.
#
# Not under the supervisor: sftp-server starts no programs, so there is nothing to follow; what it does is
# file access as LOGIN, bounded by the kernel's permissions, and audited by the gateway as a file transfer.
# Needs util-linux setpriv (2.35 or later, for --reset-env) and an sftp-server at one of the usual paths
# (Debian, Ubuntu, RHEL, Fedora, SUSE, Arch, Alpine); otherwise it says why on stderr and exits 255.
sg_login=$1
sg_entry=$(getent passwd "$sg_login") || { echo "shellguard: no login $sg_login on this server" >&2; exit 255; }
sg_gid=$(printf '%s' "$sg_entry" | cut -d: -f4)
sg_home=$(printf '%s' "$sg_entry" | cut -d: -f6)
command -v setpriv >/dev/null 2>&1 || { echo "shellguard: setpriv (util-linux) is not installed" >&2; exit 255; }
for sg_server in /usr/lib/openssh/sftp-server /usr/libexec/openssh/sftp-server /usr/lib/ssh/sftp-server \
                 /usr/libexec/ssh/sftp-server /usr/libexec/sftp-server /usr/lib/sftp-server; do
  if [ -x "$sg_server" ]; then
    cd "$sg_home" 2>/dev/null || cd /
    exec setpriv --reuid="$sg_login" --regid="$sg_gid" --init-groups --reset-env -- "$sg_server"
  fi
done
echo "shellguard: no sftp-server on this server" >&2
exit 255
