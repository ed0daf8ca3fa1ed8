#!/usr/bin/env bash
# Tests the exec guard's builds for other C libraries than the build machine's, and the installer's choice of one:
# - the glibc builds of the guard and the lane ask for no symbol version above GLIBC_2.17 (guard/oldglibc.h), so
#   they load on older targets (Debian 11, RHEL 8, CentOS 7);
# - the musl build (shellguard-guard-x86_64-musl.so, musl-gcc) loads into a program linked against musl here and
#   judges its starts against a stand-in gateway: a start the policy forbids fails with EACCES and the guard's
#   word, an allowed one runs, both asked with role guard;
# - the installer (install/install.sh) keeps the glibc guard on a glibc root (Debian 11, made by
#   roots/debian-root.sh) and the musl one on a musl root (no Alpine mirror is reachable here: the same root
#   with /bin/true linked against musl and musl's loader, which is what the installer reads), and says which
#   guard it lacks when the gateway has no musl build.
# Needs gcc, musl-gcc (musl-tools), objdump, python3, java (build.sh); the installer part needs root, unshare,
# overlayfs and the Debian 11 root (built once per machine). Exits non-zero when any check fails.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
arch=$(uname -m)
for tool in gcc musl-gcc objdump python3 java; do
  command -v "$tool" >/dev/null || { echo "test-musl-guard: $tool is needed" >&2; exit 2; }
done
tmp=$(mktemp -d /tmp/sg-musl-test.XXXXXX)
chmod 0755 "$tmp"
gw_pid=
cleanup() {
  [[ -n $gw_pid ]] && kill "$gw_pid" 2>/dev/null
  if [[ ${SG_KEEP-} ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
. "$here/tests/lib/checks.sh"

sh "$here/build.sh" "$tmp/native" 2>/dev/null
glibc=$tmp/native/shellguard-guard-$arch.so musl=$tmp/native/shellguard-guard-$arch-musl.so
lane=$tmp/native/shellguard-lane-$arch.so
check "build.sh made the musl guard beside the glibc one" '[[ -s $musl && -s $glibc ]]'
newest() { objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1; }
for lib in "$glibc" "$lane"; do
  [[ -s $lib ]] || continue
  v=$(newest "$lib")
  check "${lib##*/} asks for no glibc newer than 2.17 (it asks for $v)" '[[ $(printf "%s\n" "$v" 2.17 | sort -V | tail -n 1) == 2.17 ]]'
done
check "the musl guard needs musl's libc only" '! objdump -T "$musl" | grep -q GLIBC_'

# --- the musl guard in a musl program, against the stand-in gateway -------------------------------------------
python3 "$here/tests/stand-in-gateway.py" "$tmp" & gw_pid=$!
for _ in $(seq 50); do [[ -s $tmp/PORT ]] && break; sleep 0.1; done
mkdir -m 0700 "$tmp/session"
cp "$musl" "$tmp/session/guard.so"
printf 'port=%s\nkey=musl-test-key\n' "$(cat "$tmp/PORT")" > "$tmp/session/session"
cat > "$tmp/launch.c" <<'C'
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(int c, char **v) { execv(v[1], v + 1); printf("execv: %s\n", strerror(errno)); return 1; }
C
musl-gcc -o "$tmp/launch" "$tmp/launch.c"
# what it starts is linked against musl too, as every program of an Alpine system is (the guard travels in
# LD_PRELOAD to what a program starts, and musl's loader refuses a glibc library, and glibc's a musl one)
printf '#include <stdio.h>\nint main(int c, char **v) { for (int i = 1; i < c; i++) puts(v[i]); return 0; }\n' > "$tmp/say.c"
musl-gcc -o "$tmp/say" "$tmp/say.c"
cp "$tmp/say" "$tmp/forbidden"
check "the launcher is a musl program" 'readelf -l "$tmp/launch" | grep -q "ld-musl-"'
probe=$(__SG_GUARD_PROBE=1 LD_PRELOAD="$tmp/session/guard.so" "$tmp/say" 2>&1)
check "the musl guard loads into a musl program and says so ($probe)" '[[ $probe == "shellguard-guard ready" ]]'
out=$(LD_PRELOAD="$tmp/session/guard.so" "$tmp/launch" "$tmp/forbidden" FORBIDDEN-RAN 2>&1)
check "a forbidden start from the musl program is refused ($out)" \
  '[[ $out == *"blocked by policy \"no-forbidden\""* && $out == *"execv: Permission denied"* && $out != *FORBIDDEN-RAN* ]]'
out=$(LD_PRELOAD="$tmp/session/guard.so" "$tmp/launch" "$tmp/say" allowed-ran 2>&1)
check "an allowed start from the musl program runs ($out)" '[[ $out == allowed-ran ]]'
check "both were asked of the gateway with role guard" \
  'grep -q "^H.*guard$" "$tmp/gw.log" && grep -q "^Q.*$tmp/forbidden" "$tmp/gw.log"'

# --- the installer's choice on a glibc root and a musl one -------------------------------------------------
if [[ $(id -u) != 0 ]] || ! command -v unshare >/dev/null; then
  echo "test-musl-guard: the installer's choice needs root and unshare; skipped" >&2
else
  root=$("$here/roots/debian-root.sh" bullseye) || { fail "the Debian 11 root could not be made"; root=; }
fi
if [[ -n ${root-} ]]; then
  # the installer as the gateway sends it: its parameters, then its text; it stops at the hook (no hook files
  # here) after the guard's line, leaving the session's directory with the guard it kept
  installer() { # guard ARCH FILE ...
    printf 'sg_port=1 sg_key=k TMPDIR=/tmp/sgt\nset --'
    while [[ $# -ge 3 ]]; do printf " %s %s '%s'" "$1" "$2" "$(base64 -w0 "$3")"; shift 3; done
    printf '\n'; cat "$here/install/install.sh"
  }
  installer guard "$arch" "$glibc" guard "$arch-musl" "$musl" > "$tmp/both.sh"
  installer guard "$arch" "$glibc" > "$tmp/glibc-only.sh"
  printf '#include <stdlib.h>\nint main(void) { return 0; }\n' > "$tmp/true.c"
  musl-gcc -o "$tmp/true-musl" "$tmp/true.c"
  loader=$(readelf -l "$tmp/true-musl" | sed -n 's/.*interpreter: \(.*\)]/\1/p')
  # one overlay per case over the cached root, in a mount namespace of its own: the root stays as it was
  in_root() { # NAME musl|glibc SCRIPT: runs SCRIPT with /bin/sh in the root; prints its output, then the kept guard's sum
    mkdir -p "$tmp/$1/upper" "$tmp/$1/work" "$tmp/$1/view"
    unshare --mount -- /bin/sh -eu -c '
      mount --make-rprivate /
      mount -t overlay overlay -o "lowerdir=$1,upperdir=$2/upper,workdir=$2/work" "$2/view"
      mount -t proc proc "$2/view/proc"
      mkdir -p "$2/view/tmp/sgt"
      if [ "$3" = musl ]; then cp "$5" "$2/view/bin/true"; mkdir -p "$2/view${6%/*}"; cp "$6" "$2/view$6"; fi
      cp "$4" "$2/view/tmp/installer.sh"
      chroot "$2/view" /bin/sh /tmp/installer.sh 2>&1 | grep "^SHELLGUARD-GUARD"
      sha256sum "$2"/view/tmp/sgt/.shellguard-*/guard.so 2>/dev/null | cut -d" " -f1
    ' sg "$root" "$tmp/$1" "$2" "$3" "$tmp/true-musl" "$loader"
  }
  sum() { sha256sum "$1" | cut -d' ' -f1; }
  out=$(in_root glibc glibc "$tmp/both.sh")
  check "Debian 11 (glibc 2.31) keeps the glibc guard, which loads there ($(echo $out))" \
    '[[ $out == "SHELLGUARD-GUARD ok"*"$(sum "$glibc")" ]]'
  out=$(in_root musl musl "$tmp/both.sh")
  check "a root whose programs use musl keeps the musl guard, which loads there ($(echo $out))" \
    '[[ $out == "SHELLGUARD-GUARD ok"*"$(sum "$musl")" ]]'
  out=$(in_root musl-none musl "$tmp/glibc-only.sh")
  check "without a musl build the installer says which guard it lacks ($(echo $out))" \
    '[[ $out == "SHELLGUARD-GUARD unavailable this gateway has no exec guard for $arch-musl" ]]'
fi

finish test-musl-guard
