#!/bin/sh
# ShellGuard exec guard: builds the preload library for every architecture a compiler is found for, into
# OUTDIR as shellguard-guard-<arch>.so (x86_64 with the host's gcc on an x86_64 build machine, aarch64 with
# aarch64-linux-gnu-gcc, or the host's gcc on an aarch64 machine). An architecture without a compiler is
# skipped with a note: the gateway then falls back to the shell hook on such servers. Called by the Maven
# build of ssh-connector/adapter; the libraries link against libc only (dladdr and dlsym are in libc since
# glibc 2.34; -ldl keeps older build machines working).
set -eu
out=${1:?usage: build.sh OUTDIR}
src=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
host=$(uname -m)
built=0
build() { # arch compiler
  if ! command -v "$2" >/dev/null 2>&1; then
    echo "shellguard-guard: no $2, the $1 library is not built" >&2
    return 0
  fi
  "$2" -shared -fPIC -O2 -Wall -Wextra -Wno-unused-parameter -Wno-format-truncation -fvisibility=hidden -Wl,-z,noseparate-code -o "$out/shellguard-guard-$1.so" \
    "$src/shellguard-guard.c" "$src/policy.c" "$src/wire.c" "$src/sha256.c" -ldl
  strip=${2%gcc}strip   # aarch64-linux-gnu-gcc comes with aarch64-linux-gnu-strip
  command -v "$strip" >/dev/null 2>&1 || strip=strip
  "$strip" --strip-unneeded "$out/shellguard-guard-$1.so" 2>/dev/null || true
  built=$((built + 1))
}
case $host in
  x86_64) build x86_64 "${CC:-gcc}"; build aarch64 aarch64-linux-gnu-gcc ;;
  aarch64) build aarch64 "${CC:-gcc}"; build x86_64 x86_64-linux-gnu-gcc ;;
  *) build x86_64 x86_64-linux-gnu-gcc; build aarch64 aarch64-linux-gnu-gcc ;;
esac
[ "$built" -gt 0 ] || { echo "shellguard-guard: no compiler found; install gcc" >&2; exit 1; }
