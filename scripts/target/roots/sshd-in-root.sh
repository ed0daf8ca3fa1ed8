#!/bin/sh
# Runs the sshd of a root file system (debian-root.sh makes one) as a test target: in its own mount and PID
# namespaces (unshare), chrooted, on the host's network. Usage: sshd-in-root.sh ROOT STATE
#
# The root itself is never written: it is the lower layer of an overlay whose upper layer is STATE/upper, so what
# the setup and the sessions write (accounts, home directories, /tmp) lands there, where a test can read it, and
# goes with STATE. Into that view go the namespace's own /proc, the host's /dev (terminals) and a fresh /run; then
# STATE/files/ is copied over the view (the sshd configuration /etc/ssh/sg_sshd_config, keys, a /sg-setup.sh),
# /sg-setup.sh runs in it as root (accounts, removing programs a test hides), and sshd -D becomes the namespace's
# first process. Killing this script's process (unshare, which it becomes) kills everything in the namespace, and
# the namespace's mounts go with it. Needs root, unshare and overlayfs.
set -eu
root=${1:?usage: sshd-in-root.sh ROOT STATE} state=${2:?usage: sshd-in-root.sh ROOT STATE}
[ -x "$root/usr/sbin/sshd" ] || { echo "sshd-in-root: no sshd in $root" >&2; exit 1; }
mkdir -p "$state/upper" "$state/work" "$state/view" "$state/files"
exec unshare --mount --pid --fork --kill-child -- /bin/sh -eu -c '
  root=$1 state=$2 view=$2/view
  mount --make-rprivate /
  mount -t overlay overlay -o "lowerdir=$root,upperdir=$state/upper,workdir=$state/work" "$view"
  mount -t proc proc "$view/proc"
  mount --rbind /dev "$view/dev"
  mount -t tmpfs -o mode=0755 tmpfs "$view/run"
  mkdir -p "$view/run/sshd"
  cp -a "$state/files/." "$view/"
  [ ! -f "$view/sg-setup.sh" ] || chroot "$view" /bin/sh -eu /sg-setup.sh
  exec chroot "$view" /usr/sbin/sshd -D -e -f /etc/ssh/sg_sshd_config
' sshd-in-root "$root" "$state"
