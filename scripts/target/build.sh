#!/bin/sh
# ShellGuard's native parts, for every architecture a compiler is found for, into OUTDIR:
# - shellguard-guard-<arch>.so, the exec guard (guard/; links against libc only: dladdr and dlsym
#   are in libc since glibc 2.34, -ldl keeps older build machines and targets working, and guard/oldglibc.h binds
#   them and stat to their old symbol versions so that it loads on targets with a glibc older than the build
#   machine's, down to 2.17; bound at load, -z now, because
#   resolving each libc call lazily on first use cost every new program about 5 page faults);
# - shellguard-guard-<arch>-musl.so, the same exec guard linked against musl (musl-gcc, Debian's musl-tools) for
#   targets whose programs use musl (Alpine), for the build machine's own architecture; without musl-gcc it is
#   skipped with a note, and the installer reports the guard unavailable on such targets;
# - shellguard-lane-<arch>.so, the bash hook's lane (bash/lane.c), a bash loadable builtin built
#   against bash's headers (Debian's bash-builtins); without them it is skipped with a note, and hooked
#   shells run the hook in shell language alone;
# - shellguard-supervisor-<arch>, the supervisor (supervisor/), a program, linked statically so that it runs on
#   any target's C library (glibc or musl, old or new): with musl-gcc (Debian's musl-tools) for the build
#   machine's own architecture, about 100 KB, else with the compiler's static glibc, about 750 KB (every session
#   uploads it); where there is no static C library at all it is linked dynamically with a note (it then needs a
#   glibc as new as the build machine's).
# x86_64 with the host's gcc on an x86_64 build machine, aarch64 with aarch64-linux-gnu-gcc, or the host's gcc
# on an aarch64 machine. An architecture without a compiler is skipped with a note: the gateway then falls back
# to the shell hook on such servers. Both include sg_protocol.h, the protocol's C form, which Generate.java
# writes from protocol/protocol.def (needs a JDK's java). Called by the Maven build of ssh-connector/adapter.
set -eu
out=${1:?usage: build.sh OUTDIR}
src=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
generated=$(mktemp -d)
trap 'rm -rf "$generated"' EXIT
"${JAVA:-java}" "$src/protocol/Generate.java" "$src/protocol/protocol.def" c "$generated/sg_protocol.h"
host=$(uname -m)
built=0
link_supervisor() { # compiler [flags]
  cc=$1; shift
  "$cc" "$@" -O2 -Wall -Wextra -Wno-unused-parameter -Wno-format-truncation -I"$generated" -I"$src/guard" \
    -o "$supervisor" "$src/supervisor/shellguard-supervisor.c" "$src/supervisor/startup-watch.c" "$src/guard/policy.c" "$src/guard/wire.c" \
    "$src/guard/rules.c" "$src/guard/sha256.c" "$src/supervisor/small-file.c" 2>"$generated/supervisor.log" || { cat "$generated/supervisor.log" >&2; return 1; }
  grep -v "Using 'get" "$generated/supervisor.log" >&2 || true
}
# musl's gcc wrapper sees no kernel headers: a directory of links to the build machine's gives it them
musl_for() { # arch: musl-gcc builds for the build machine's own architecture only
  [ "$1" = "$host" ] && command -v musl-gcc >/dev/null 2>&1 || return 1
  kernel=$generated/kernel
  mkdir -p "$kernel"
  ln -sf /usr/include/linux "$kernel/linux"
  ln -sf /usr/include/asm-generic "$kernel/asm-generic"
  ln -sf "/usr/include/$(gcc -print-multiarch 2>/dev/null)/asm" "$kernel/asm"
}
link_supervisor_musl() { # arch
  musl_for "$1" && link_supervisor musl-gcc -static -I"$kernel" 2>/dev/null
}
guard_sources() {
  echo "$src/guard/shellguard-guard.c $src/guard/policy.c $src/guard/wire.c $src/guard/rules.c $src/guard/sha256.c $src/guard/shells.c"
}
build() { # arch compiler
  if ! command -v "$2" >/dev/null 2>&1; then
    echo "shellguard-guard: no $2, the $1 library is not built" >&2
    return 0
  fi
  # shellcheck disable=SC2046 # the sources are paths without spaces
  "$2" $cflags -Wno-format-truncation -fvisibility=hidden -Wl,-z,noseparate-code -Wl,-z,now -o "$out/shellguard-guard-$1.so" \
    $(guard_sources) -include "$src/guard/oldglibc.h" -Wl,--no-as-needed -l:libdl.so.2
  if musl_for "$1"; then
    # shellcheck disable=SC2046
    musl-gcc $cflags -I"$kernel" -Wno-format-truncation -fvisibility=hidden -Wl,-z,now -o "$out/shellguard-guard-$1-musl.so" \
      $(guard_sources)
  elif command -v musl-gcc >/dev/null 2>&1; then
    echo "shellguard-guard: musl-gcc builds for $host only, the exec guard for $1 musl targets is not built" >&2
  else
    echo "shellguard-guard: no musl-gcc (package musl-tools), the exec guard for $1 musl targets is not built" >&2
  fi
  supervisor="$out/shellguard-supervisor-$1"
  if ! link_supervisor_musl "$1" && ! link_supervisor "$2" -static; then
    echo "shellguard-supervisor: the static build with $2 failed (no static C library?), the $1 supervisor is linked dynamically" >&2
    link_supervisor "$2"
  fi
  if [ -f "$bash_headers/shell.h" ]; then
    "$2" $cflags -I"$bash_headers" -I"$bash_headers/include" \
      -I"$bash_headers/builtins" -include "$src/guard/oldglibc.h" -o "$out/shellguard-lane-$1.so" "$src/bash/lane.c" \
      -Wl,--no-as-needed -l:libdl.so.2
  else
    echo "shellguard-lane: no bash headers in $bash_headers (package bash-builtins), the $1 lane is not built" >&2
  fi
  strip=${2%gcc}strip   # aarch64-linux-gnu-gcc comes with aarch64-linux-gnu-strip
  command -v "$strip" >/dev/null 2>&1 || strip=strip
  for lib in "$out/shellguard-guard-$1.so" "$out/shellguard-guard-$1-musl.so" "$out/shellguard-lane-$1.so" "$supervisor"; do
    [ -f "$lib" ] && "$strip" --strip-unneeded "$lib" 2>/dev/null || true
  done
  built=$((built + 1))
}
bash_headers=${BASH_HEADERS:-/usr/include/bash}
cflags="-shared -fPIC -O2 -Wall -Wextra -Wno-unused-parameter -I$generated"
case $host in
  x86_64) build x86_64 "${CC:-gcc}"; build aarch64 aarch64-linux-gnu-gcc ;;
  aarch64) build aarch64 "${CC:-gcc}"; build x86_64 x86_64-linux-gnu-gcc ;;
  *) build x86_64 x86_64-linux-gnu-gcc; build aarch64 aarch64-linux-gnu-gcc ;;
esac
[ "$built" -gt 0 ] || { echo "shellguard-guard: no compiler found; install gcc" >&2; exit 1; }
