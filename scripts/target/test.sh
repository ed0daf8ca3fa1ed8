#!/bin/sh
# The target side's own tests in one command: runs every script in tests/ and exits non-zero when any fails.
# Today that is tests/zsh-hook.sh, the zsh hook against a stand-in gateway (needs zsh, tmux and python3), and
# tests/supervisor.sh, the supervisor in both tiers against a stand-in gateway (needs root, gcc, sudo), and
# tests/guard-policy.sh, the exec guard's copy of the policy and its refresh (needs gcc, strace), and
# tests/guard-argv.sh, the exec guard's long command lines, whole or cut and marked (needs gcc).
#
# Not here, because they need the connector's build: the installer's tests (InstallerScriptTest runs
# install/install.sh as the gateway sends it, with the native libraries build.sh made) and the hook wire
# format's (HookWireTest), both in ssh-connector/adapter (`mvn -B -ntp test -pl ssh-connector/adapter`); and the
# bash hook, the lane and the exec guard, which the end-to-end tests drive through a real sshd
# (web/src/test/java/com/shellguard/e2e). scripts/test.sh runs all of them.
here=$(cd "$(dirname "$0")" && pwd)
failed=
for test in "$here"/tests/*.sh; do
  echo "== ${test#"$here"/}"
  "$test" || failed="$failed ${test#"$here"/}"
done
if [ -n "$failed" ]; then
  echo "target tests failed:$failed" >&2
  exit 1
fi
