#!/usr/bin/env bash
# Tests that the exec guard sends a program start's whole argv to the gateway, against the stand-in gateway with a line
# rule (DIR/line-word: a start whose command text holds the word is refused):
# - more than 64 KiB of padding arguments before the forbidden word: the start is asked about with its whole text, and
#   refused (the guard once sent 8 KiB of it, without a word that it had cut);
# - arguments past the protocol's longest message (1 MiB): the text keeps what fits and ends with the cut mark, whose
#   counts are the whole argv's, and the message keeps to the limit; the start is refused, as the gateway refuses it
#   while a line rule applies.
# Needs gcc, python3 and java (build.sh). Exits non-zero when any check fails.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in gcc python3 java; do
  command -v "$tool" >/dev/null || { echo "test-guard-argv: $tool is needed" >&2; exit 2; }
done
tmp=$(mktemp -d /tmp/sg-guard-argv-test.XXXXXX)
gw_pid=
cleanup() { [[ -n $gw_pid ]] && kill "$gw_pid" 2>/dev/null; if [[ ${SG_KEEP-} ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
. "$here/tests/lib/checks.sh"

sh "$here/build.sh" "$tmp/native" 2>/dev/null
echo sg-forbidden-word > "$tmp/line-word"
python3 "$here/tests/stand-in-gateway.py" "$tmp" & gw_pid=$!
for _ in $(seq 50); do [[ -s $tmp/PORT ]] && break; sleep 0.1; done
mkdir -m 0700 "$tmp/session"
cp "$tmp/native/shellguard-guard-$(uname -m).so" "$tmp/session/guard.so"
printf 'port=%s\nkey=test\n' "$(cat "$tmp/PORT")" > "$tmp/session/session"
# guarded ARG...: sh under the guard starts /bin/echo with the arguments; its status and what it printed
guarded() { env LD_PRELOAD="$tmp/session/guard.so" /bin/sh -c '/bin/echo "$@"; echo "status=$?"' sh "$@" 2>&1; }
# asked PATTERN: the guard's questions (Q, role guard) whose command text matches PATTERN
asked() { grep -P "^Q\t\d+\.g\d+\t(?:[^\t]*\t){16}$1" "$tmp/gw.log"; }

mapfile -t padding < <(seq 1 20000)
out=$(guarded "${padding[@]}" sg-forbidden-word)
check "a forbidden word after 108 KB of padding is refused by the line rule" \
  '[[ $out == *"shellguard: blocked by policy \"no-line-word\""* && $out == *"status=126"* && $out != *"19999 20000"* ]]'
check "the guard asked with the whole text, unmarked" \
  'q=$(asked "/bin/echo 1 2 3 .* 19999 20000 sg-forbidden-word\t") && (( ${#q} > 108000 )) && [[ $q != *"[cut by"* ]]'

mapfile -t long < <(printf 'pad%060d\n' $(seq 1 20000))
bytes=$(printf '%s\0' /bin/echo "${long[@]}" | wc -c)
out=$(guarded "${long[@]}")
check "a start past the longest message is refused while a line rule applies" \
  '[[ $out == *"shellguard: blocked by policy \"command-too-long\""* && $out == *"status=126"* ]]'
check "its text keeps what fits and is marked with the whole argv's counts" \
  'q=$(asked "/bin/echo pad0+1 pad0+2 .* \[cut by the exec guard: 20001 arguments, $bytes bytes in all\]\t")'
check "its message keeps to the protocol's limit, and fills it" \
  'n=$(( $(asked "/bin/echo pad0+1 " | wc -c) )) && (( n <= 1048576 && n > 1048576 - 80 ))'

finish test-guard-argv
