#!/usr/bin/env bash
# Runs every ShellGuard test on this machine: unit tests, then end-to-end tests that start a real OpenSSH
# sshd on 127.0.0.1, a gateway node through scripts/run.sh, and drive the stock ssh/scp/sftp clients
# (interactive ones through tmux). Installs what a fresh Debian machine lacks. Needs root (it creates the
# target account the tests log in to) and PostgreSQL on 127.0.0.1:5432 for the PostgreSQL test.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

missing=()
[[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
command -v ssh >/dev/null || missing+=(openssh-client)
command -v tmux >/dev/null || missing+=(tmux)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v pgrep >/dev/null || missing+=(procps)
# what the command-control tests run on the target: other login shells, and the everyday tools people use
command -v zsh >/dev/null || missing+=(zsh)
command -v vi >/dev/null || missing+=(vim-tiny)
command -v less >/dev/null || missing+=(less)
command -v git >/dev/null || missing+=(git)
command -v rsync >/dev/null || missing+=(rsync)
command -v python3 >/dev/null || missing+=(python3)
# the tools EverydayToolsPerTierIT starts inside a session in each tier: terminal multiplexers and debuggers
command -v screen >/dev/null || missing+=(screen)
command -v gdb >/dev/null || missing+=(gdb)
command -v strace >/dev/null || missing+=(strace)
# commands handed to cron and at are judged (CommandBypassIT): their clients must be there to try it
command -v crontab >/dev/null || missing+=(cron)
command -v at >/dev/null || missing+=(at)
# the build compiles the exec guard (scripts/target/guard); its tests start programs from perl
command -v gcc >/dev/null || missing+=(gcc libc6-dev)
# the exec guard is built for aarch64 servers too when a cross compiler is there
command -v aarch64-linux-gnu-gcc >/dev/null || missing+=(gcc-aarch64-linux-gnu)
command -v perl >/dev/null || missing+=(perl)
# the supervisor's and the privileged tier's tests give the target account passwordless sudo for two programs
command -v sudo >/dev/null || missing+=(sudo)
# the supervisor is linked statically against musl where it can be (a seventh of glibc's static size)
command -v musl-gcc >/dev/null || missing+=(musl-tools)
# OtherTargetsIT and tests/musl-guard.sh run targets in a Debian 11 root made once per machine by debootstrap
# (scripts/target/roots/debian-root.sh, from deb.debian.org, cached in /var/cache/shellguard-tests)
command -v debootstrap >/dev/null || missing+=(debootstrap)
# ... and the bash hook's lane (scripts/target/bash/lane.c) against bash's headers
[[ -f /usr/include/bash/shell.h ]] || missing+=(bash-builtins)
# clients no one here wrote, driven through the gateway (AnsibleIT, ThirdPartyClientsIT): Ansible, sshfs (FUSE),
# PuTTY's plink/pscp/psftp, and asyncssh for Debian's own python3
command -v ansible >/dev/null || missing+=(ansible)
command -v sshfs >/dev/null || missing+=(sshfs fuse3)
command -v plink >/dev/null || missing+=(putty-tools)
/usr/bin/python3 -c 'import asyncssh' 2>/dev/null || missing+=(python3-asyncssh)
# the admin console's browser tests drive Debian's headless chromium through its chromedriver
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
# DirectoryLoginIT runs its own OpenLDAP slapd (never the system service: no configuration is asked for or made)
[[ -x /usr/sbin/slapd ]] || missing+=(slapd)
command -v ldapadd >/dev/null || missing+=(ldap-utils)
# AuditExportIT runs its own rsyslogd (never the system service) as the SIEM's receiver, over TCP and over TLS
[[ -x /usr/sbin/rsyslogd ]] || missing+=(rsyslog)
[[ -f /usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so || -f /usr/lib/aarch64-linux-gnu/rsyslog/lmnsd_gtls.so ]] || missing+=(rsyslog-gnutls)
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]}" >&2
  apt-get update -qq
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
mkdir -p /run/sshd

# The accounts the target sshd lets the gateway in as: key login (sshd with UsePAM no refuses a locked
# password even for keys, hence the explicit one) and a password for the password-credential tests.
# sgzsh and sgdash have zsh and dash as their login shells, for the hook's other shells.
for account in sgtarget:/bin/bash sgzsh:/bin/zsh sgdash:/bin/dash; do
  id "${account%%:*}" >/dev/null 2>&1 || useradd -m -s "${account#*:}" "${account%%:*}"
  echo "${account%%:*}:Target-pass-7Q" | chpasswd
done
# sudo without a password for two harmless programs: the supervisor's tests prove that setuid programs keep
# working (privileged tier) or are refused with a clear word (same-account tier)
[[ -f /etc/sudoers.d/shellguard-tests ]] || { echo 'sgtarget ALL=(root) NOPASSWD: /usr/bin/true, /usr/bin/id' \
  > /etc/sudoers.d/shellguard-tests && chmod 0440 /etc/sudoers.d/shellguard-tests; }

# the target side's own tests: the zsh hook's checks against a stand-in gateway (seconds; the end-to-end tests
# cover it through sshd)
scripts/target/test.sh

mvn -B -ntp verify "$@"
