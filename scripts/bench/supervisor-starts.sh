#!/usr/bin/env bash
# Micro benchmark of the supervisor's cost per program start, at target level, without a gateway or sshd.
#
# The same fork+execve loop of /bin/true as scripts/bench.sh's "starts" section (scripts/bench/start-loop.c),
# run in alternating rounds:
#   plain           the loop alone;
#   same-account    the loop under the supervisor as the same-account tier runs it (the supervisor started as
#                   the login sgtarget: fork, child and exec stops);
#   privileged      the loop under the supervisor of the privileged tier (started as root with a `login` file for
#                   sgtarget: the exec call's entry stop as well), when run as root and sgtarget exists.
# The supervisor talks to the target tests' stand-in gateway (scripts/target/tests/stand-in-gateway.py), whose
# policy names an everyday rule set's programs (shutdown reboot mkfs dd sudo, with their files' identity), so no
# start of /bin/true concerns a rule: each is reported and runs. The stand-in answers from Python on loopback, not
# over an SSH forward, and no exec guard is preloaded: what is measured is the supervisor alone.
#
# Usage: scripts/bench/supervisor-starts.sh [SUPERVISOR...]
#   SUPERVISOR  supervisor binaries to compare (e.g. one built from an older commit); default: build.sh's build
#               of this tree. Each is measured in both tiers; the label is the file's name.
# BENCH_SUPERVISOR_STARTS (500) starts per batch, BENCH_SUPERVISOR_ROUNDS (7) rounds; the figures are the medians
# over rounds of each batch's p50 and mean (microseconds per start), the supervisor's share of them (the difference
# from plain), and the CPU time the supervisor itself spent per start (its /proc/PID/schedstat, which a loaded
# machine disturbs less than it disturbs latency). Prints figures; asserts nothing. Needs gcc, python3, java
# (build.sh); root and the login sgtarget for both tiers (else the same-account tier alone, as the caller).
set -eu
STARTS=${BENCH_SUPERVISOR_STARTS:-500}
ROUNDS=${BENCH_SUPERVISOR_ROUNDS:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
die() { echo "supervisor-starts: $*" >&2; exit 1; }
for tool in gcc python3; do command -v "$tool" >/dev/null || die "$tool is needed"; done
[[ $STARTS =~ ^[1-9][0-9]*$ && $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_SUPERVISOR_STARTS and _ROUNDS are positive numbers"

tmp=$(mktemp -d /tmp/sg-supervisor-bench.XXXXXX)
chmod 0755 "$tmp"
gw_pid=
cleanup() { [[ -n $gw_pid ]] && kill "$gw_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

supervisors=("$@")
if ((${#supervisors[@]} == 0)); then
  sh "$root/scripts/target/build.sh" "$tmp/native" 2>/dev/null || die "build.sh failed"
  supervisors=("$tmp/native/shellguard-supervisor-$(uname -m)")
fi
for s in "${supervisors[@]}"; do [[ -x $s ]] || die "no supervisor at $s"; done
k=0
for s in "${supervisors[@]}"; do cp "$s" "$tmp/sup$k" && chmod 0755 "$tmp/sup$k"; k=$((k + 1)); done

gcc -O2 -o "$tmp/loop" "$root/scripts/bench/start-loop.c" || die "cannot build the start loop"

names="shutdown reboot mkfs dd sudo"
SG_STANDIN_NAMES=$names python3 "$root/scripts/target/tests/stand-in-gateway.py" "$tmp" & gw_pid=$!
for _ in $(seq 50); do [[ -s $tmp/PORT ]] && break; sleep 0.1; done
[[ -s $tmp/PORT ]] || die "the stand-in gateway did not start"
port=$(cat "$tmp/PORT")

login=sgtarget
as_login=()
tiers=(same-account)
if [[ $(id -u) == 0 ]] && id "$login" >/dev/null 2>&1; then
  as_login=(setpriv --reuid="$(id -u $login)" --regid="$(id -g $login)" --init-groups --)
  tiers+=(privileged)
fi
# a supervisor directory per tier, as the installer leaves it: the session file, and the login file in the
# privileged tier (root's, 0700)
mkdir -m 0755 "$tmp/same-account" "$tmp/privileged"
printf 'port=%s\nkey=bench\n' "$port" > "$tmp/same-account/session"
[[ ${#as_login[@]} -gt 0 ]] && chown "$login" "$tmp/same-account" "$tmp/same-account/session"
cp "$tmp/same-account/session" "$tmp/privileged/session"
chmod 0700 "$tmp/privileged"
if [[ ${#as_login[@]} -gt 0 ]]; then
  { id -u $login; id -g $login; id -G $login | tr ' ' ','; echo $login; getent passwd $login | cut -d: -f6; echo /bin/sh; } \
    > "$tmp/privileged/login"
fi

run() { # label tier|plain supervisor -> "p50 mean supervisor-cpu"
  case $2 in
    plain) "$tmp/loop" "$STARTS" ;;
    # the start script's exec, then the loop's: the supervisor judges from the loop's starts on (own_execs)
    same-account) "${as_login[@]}" "$3" "$tmp/same-account" /bin/sh -c "exec $tmp/loop $STARTS parent" ;;
    privileged) "$3" "$tmp/privileged" /bin/sh -c "exec $tmp/loop $STARTS parent" ;;
  esac
}
declare -A P50 MEAN CPU
labels=(plain)
for s in "${supervisors[@]}"; do for t in "${tiers[@]}"; do labels+=("$(basename "$s") $t"); done; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$ROUNDS"); do
  line=$(run plain plain) || die "the plain loop failed"
  read -r a b c <<< "$line"
  P50[plain]+="$a " MEAN[plain]+="$b " CPU[plain]+="$c "
  k=0
  for s in "${supervisors[@]}"; do
    for t in "${tiers[@]}"; do
      label="$(basename "$s") $t"
      line=$(run "$label" "$t" "$tmp/sup$k") || die "the loop under $label failed"
      read -r a b c <<< "$line"
      P50[$label]+="$a " MEAN[$label]+="$b " CPU[$label]+="$c "
    done
    k=$((k + 1))
  done
  echo "round $r/$ROUNDS done" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

echo
echo "supervisor micro benchmark: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), $ROUNDS rounds x $STARTS starts of /bin/true"
echo "load average before/after: $load_before / $load_after"
row() { printf '| %-36s | %9s | %9s | %12s | %12s | %15s |\n' "$@"; }
row "loop" "p50 us" "mean us" "p50 - plain" "mean - plain" "supervisor CPU"
row "----" "------" "-------" "-----------" "------------" "--------------"
base50=$(median <<< "${P50[plain]}") basemean=$(median <<< "${MEAN[plain]}")
for label in "${labels[@]}"; do
  p=$(median <<< "${P50[$label]}") m=$(median <<< "${MEAN[$label]}") c=$(median <<< "${CPU[$label]}")
  row "$label" "$p" "$m" \
    "$(awk -v a="$p" -v b="$base50" 'BEGIN {printf "%+.3f ms", (a - b) / 1000}')" \
    "$(awk -v a="$m" -v b="$basemean" 'BEGIN {printf "%+.3f ms", (a - b) / 1000}')" \
    "$([[ $label == plain ]] && echo - || echo "$c us/start")"
done
for label in "${labels[@]}"; do echo "per-round p50 $label: ${P50[$label]}"; done
echo "reports the stand-in received: $(grep -c '^R' "$tmp/gw.log" || true)"
