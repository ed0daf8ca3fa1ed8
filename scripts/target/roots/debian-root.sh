#!/bin/sh
# Makes (once per machine) the Debian root file system the other-target tests run a second sshd in, and prints
# its path. Usage: debian-root.sh [SUITE]   (bullseye by default: Debian 11, bash 5.1, glibc 2.31)
#
# The root is built by debootstrap (minbase variant, from deb.debian.org or $SHELLGUARD_DEBIAN_MIRROR) with
# openssh-server, sudo, procps and busybox, into a temporary directory beside the cache and renamed into place
# when complete, so an interrupted build is never taken for a finished one. It is cached under
# /var/cache/shellguard-tests/SUITE (or $SHELLGUARD_ROOTS/SUITE): later runs, and other tests, reuse it. The
# cache is keyed by this script's package list (the file .shellguard-root holds it): a changed list rebuilds.
# Nothing of the test accounts or keys is put here; the tests add them to the root at each run.
# Needs root and debootstrap; takes about two to four minutes on a fresh machine.
set -eu
suite=${1:-bullseye}
cache=${SHELLGUARD_ROOTS:-/var/cache/shellguard-tests}
root=$cache/$suite
packages=openssh-server,sudo,procps,busybox,ca-certificates
stamp="$suite minbase $packages"
if [ -f "$root/.shellguard-root" ] && [ "$(cat "$root/.shellguard-root")" = "$stamp" ]; then
  echo "$root"; exit 0
fi
[ "$(id -u)" = 0 ] || { echo "debian-root: needs root to build $root" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "debian-root: needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
mkdir -p "$cache"
exec 9>"$cache/.$suite.lock"
flock 9   # concurrent runs wait for the one building
if [ -f "$root/.shellguard-root" ] && [ "$(cat "$root/.shellguard-root")" = "$stamp" ]; then
  echo "$root"; exit 0
fi
work=$(mktemp -d "$cache/.$suite.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "debian-root: building the $suite root in $root (once per machine)" >&2
debootstrap --variant=minbase --include="$packages" "$suite" "$work" \
  "${SHELLGUARD_DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$work.log" 2>&1 \
  || { tail -20 "$work.log" >&2; rm -f "$work.log"; exit 1; }
rm -f "$work.log"
# the root's own sshd host keys are made per test run; none ship in the cache
rm -f "$work"/etc/ssh/ssh_host_*
chroot "$work" apt-get clean >/dev/null 2>&1 || true
printf '%s\n' "$stamp" > "$work/.shellguard-root"
rm -rf "$root"
mv "$work" "$root"
trap - EXIT
echo "$root"
