#!/usr/bin/env bash
# Tests the exec guard's copy of the session's policy (guard/policy.c, guard.policy in the session directory)
# against the stand-in gateway, whose policy names the program `sgnamed` (here a script on PATH, with a second
# name, a hard link):
# - the copy holds the identity of the named program's file (device, inode, size, SHA-256, change time);
# - a refresh (the copy older than 3 seconds) asks the gateway again but does not read the named program's file
#   again while its identity, size and change time stay the same, and hashes a file once for all its names;
# - a named program whose file changed is hashed again, so a copy of the new content is still recognised.
# Needs gcc, python3, java (build.sh) and strace. Exits non-zero when any check fails.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in gcc python3 java strace; do
  command -v "$tool" >/dev/null || { echo "test-guard-policy: $tool is needed" >&2; exit 2; }
done
tmp=$(mktemp -d /tmp/sg-guard-policy-test.XXXXXX)
gw_pid=
cleanup() { [[ -n $gw_pid ]] && kill "$gw_pid" 2>/dev/null; if [[ ${SG_KEEP-} ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
. "$here/tests/lib/checks.sh"

sh "$here/build.sh" "$tmp/native" 2>/dev/null
SG_STANDIN_NAMES="sgnamed sgalias" python3 "$here/tests/stand-in-gateway.py" "$tmp" & gw_pid=$!
for _ in $(seq 50); do [[ -s $tmp/PORT ]] && break; sleep 0.1; done
mkdir -m 0700 "$tmp/session" "$tmp/bin"
cp "$tmp/native/shellguard-guard-$(uname -m).so" "$tmp/session/guard.so"
printf 'port=%s\nkey=test\n' "$(cat "$tmp/PORT")" > "$tmp/session/session"
printf '#!/bin/sh\necho named\n' > "$tmp/bin/sgnamed" && chmod 0755 "$tmp/bin/sgnamed"
ln "$tmp/bin/sgnamed" "$tmp/bin/sgalias"
policy=$tmp/session/guard.policy
# start: a program started under the guard, with the named program on PATH; the opens of the named program's file
start() { PATH="$tmp/bin:$PATH" strace -f -qq -e trace=openat -o "$tmp/trace" env LD_PRELOAD="$tmp/session/guard.so" /bin/sh -c /bin/true
  grep -c "\"$tmp/bin/sg" "$tmp/trace"; }
age() { touch -d '-10 seconds' "$policy"; }

opened=$(start)
check "the first copy holds the named program's file, with its hash and change time, once per name" \
  '(( $(grep -cE "^file sg(named|alias) [0-9]+ [0-9]+ [0-9]+ [0-9a-f]{64} [0-9]+\.[0-9]{9}$" "$policy") == 2 ))'
check "a file with two names is read once ($opened)" '(( opened == 1 ))'
first=$(grep "^file sgnamed" "$policy")
age; before=$(grep -c '^P' "$tmp/gw.log"); opened=$(start)
check "a refresh asks the gateway again" '(( $(grep -c "^P" "$tmp/gw.log") > before )) && [[ $(stat -c %Y "$policy") -ge $(($(date +%s) - 2)) ]]'
check "a refresh does not read an unchanged named program again ($opened opens)" '(( opened == 0 )) && [[ $(grep "^file sgnamed" "$policy") == "$first" ]]'
echo "echo changed" >> "$tmp/bin/sgnamed"
age; opened=$(start)
check "a named program whose file changed is hashed again" \
  '(( opened == 1 )) && [[ $(grep "^file sgnamed" "$policy" | cut -d" " -f6) == "$(sha256sum < "$tmp/bin/sgnamed" | cut -d" " -f1)" ]]'

finish test-guard-policy
