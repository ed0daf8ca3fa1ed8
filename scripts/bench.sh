#!/usr/bin/env bash
# ShellGuard benchmark: what a user pays for going through the gateway, measured in one run against one
# OpenSSH sshd, three ways — direct, OpenSSH ProxyJump through a second sshd (the usual bastion), and
# ShellGuard — with the same client options. Figures are printed as ratios to ProxyJump, the setup people
# would otherwise use. A benchmark prints; it never fails on a figure (exit 0 once measurements were taken).
#
#   connect   ssh HOST true: key exchange, authentication, one exec channel, close (median of N runs)
#   bulk      head -c 1G /dev/zero | ssh HOST 'cat >/dev/null' (MB/s, one run)
#   echo      one keystroke to a remote raw-mode cat and back, through a pty (p50 / p99 over N keystrokes)
#
# Each path is warmed up first (256 MiB, 200 keystrokes, 5 connects): the gateway is measured in its
# steady state, not while the JVM compiles the relay.
#
# Settings: BENCH_CONNECT_RUNS (20), BENCH_BYTES (1G), BENCH_ECHO_SAMPLES (500); BENCH_QUICK=1 for a
# short smoke run (5 connects, 64M, 100 keystrokes). Needs root (creates the local account sgtarget).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ ${BENCH_QUICK:-0} == 1 ]]; then
  RUNS=${BENCH_CONNECT_RUNS:-5} BYTES=${BENCH_BYTES:-64M} SAMPLES=${BENCH_ECHO_SAMPLES:-100}
else
  RUNS=${BENCH_CONNECT_RUNS:-20} BYTES=${BENCH_BYTES:-1G} SAMPLES=${BENCH_ECHO_SAMPLES:-500}
fi

W=$(mktemp -d /tmp/shellguard-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ns() { date +%s%N; }

# --- the target account and two sshds (target, jump host) ------------------------------------------------
id sgtarget >/dev/null 2>&1 || useradd -m -s /bin/bash sgtarget
usermod -p '*' sgtarget 2>/dev/null || true
mkdir -p /run/sshd "$W/keys"
chmod 755 "$W" "$W/keys"
ssh-keygen -q -t ed25519 -N '' -f "$W/client_key"
cp "$W/client_key.pub" "$W/keys/sgtarget"; chmod 644 "$W/keys/sgtarget"
start_sshd() { # name port
  ssh-keygen -q -t ed25519 -N '' -f "$W/$1_host_key"
  cat > "$W/$1_sshd_config" <<CFG
Port $2
ListenAddress 127.0.0.1
HostKey $W/$1_host_key
PidFile $W/$1.pid
AuthorizedKeysFile $W/keys/%u
StrictModes no
UsePAM no
AllowTcpForwarding yes
LogLevel ERROR
CFG
  /usr/sbin/sshd -D -e -f "$W/$1_sshd_config" 2>>"$W/$1.log" &
  PIDS+=($!)
}
TARGET_PORT=$(free_port); JUMP_PORT=$(free_port)
start_sshd target "$TARGET_PORT"
start_sshd jump "$JUMP_PORT"

# --- a gateway node, provisioned through its API ----------------------------------------------------------
SSH_PORT=$(free_port); HTTP_PORT=$(free_port); ADMIN_PW=bench-admin-$RANDOM$RANDOM
SHELLGUARD_HOME=$W/gateway SHELLGUARD_SSH_PORT=$SSH_PORT SHELLGUARD_HTTP_PORT=$HTTP_PORT \
  SHELLGUARD_ADMIN_PASSWORD=$ADMIN_PW "$ROOT/scripts/run.sh" > "$W/gateway.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 240); do
  if curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/api/v1/health" && \
     [[ $(timeout 2 head -c 7 < /dev/tcp/127.0.0.1/"$SSH_PORT" 2>/dev/null) == SSH-2.0 ]]; then
    break
  fi
  sleep 0.5
done
curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/api/v1/health" || { tail -40 "$W/gateway.log"; echo "bench: the gateway did not start" >&2; exit 1; }
api() { curl -sf -u "admin:$ADMIN_PW" -H 'Content-Type: application/json' "http://127.0.0.1:$HTTP_PORT/api/v1$1" -d "$2" > /dev/null; }
json_file() { python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$1"; }
api /users "{\"username\":\"bench\",\"publicKeys\":[\"$(cat "$W/client_key.pub")\"]}"
api /servers "{\"name\":\"target\",\"host\":\"127.0.0.1\",\"port\":$TARGET_PORT,\"hostKey\":\"$(cut -d' ' -f1-2 "$W/target_host_key.pub")\"}"
api /servers/target/accounts "{\"login\":\"sgtarget\",\"privateKey\":$(json_file "$W/client_key")}"
api /grants '{"user":"bench","server":"target","logins":["sgtarget"]}'

# --- one client configuration for all three paths ---------------------------------------------------------
# ssh takes the first value it finds for each option, so the specific hosts come before the defaults.
cat > "$W/ssh_config" <<CFG
Host direct
  Port $TARGET_PORT
Host jump
  Port $JUMP_PORT
Host proxyjump
  Port $TARGET_PORT
  ProxyJump jump
Host shellguard
  Port $SSH_PORT
  User bench@sgtarget@target
Host *
  StrictHostKeyChecking no
  UserKnownHostsFile /dev/null
  LogLevel ERROR
  BatchMode yes
  IdentitiesOnly yes
  IdentityFile $W/client_key
  HostName 127.0.0.1
  User sgtarget
CFG
for h in direct proxyjump shellguard; do
  out=$(ssh -F "$W/ssh_config" "$h" 'echo ok' 2>&1) || true
  [[ $out == ok ]] || { echo "bench: cannot log in via $h: $out" >&2; exit 1; }
done

# --- measurements -----------------------------------------------------------------------------------------
connect_ms() { # host -> "median p90"
  local t=() s e
  for _ in $(seq "$RUNS"); do
    s=$(now_ns); ssh -F "$W/ssh_config" "$1" true; e=$(now_ns)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f\n", a[int((NR+1)/2)]/1000, a[int(NR*0.9+0.5)]/1000}'
}
bulk_mbs() { # host -> MB/s
  local s e bytes
  bytes=$(numfmt --from=iec "$BYTES")
  s=$(now_ns); head -c "$BYTES" /dev/zero | ssh -F "$W/ssh_config" "$1" 'cat > /dev/null'; e=$(now_ns)
  awk -v b="$bytes" -v ns=$((e - s)) 'BEGIN {printf "%.1f\n", b / 1048576 / (ns / 1e9)}'
}
# The gateway is a long-running JVM: measure it as it runs, after the JIT compiled the relay, not while it
# compiles. Every path gets the same warm-up, so the comparison stays fair.
warm_up() {
  head -c 256M /dev/zero | ssh -F "$W/ssh_config" "$1" 'cat > /dev/null'
  python3 "$ROOT/scripts/bench/echo_rtt.py" 200 -F "$W/ssh_config" "$1" > /dev/null
  for _ in 1 2 3 4 5; do ssh -F "$W/ssh_config" "$1" true; done
}
declare -A CONNECT BULK ECHO
for h in direct proxyjump shellguard; do
  echo "bench: warming up and measuring $h ..." >&2
  warm_up "$h"
  CONNECT[$h]=$(connect_ms "$h")
  BULK[$h]=$(bulk_mbs "$h")
  ECHO[$h]=$(python3 "$ROOT/scripts/bench/echo_rtt.py" "$SAMPLES" -F "$W/ssh_config" "$h")
done

# --- report -----------------------------------------------------------------------------------------------
field() { cut -d' ' -f"$2" <<< "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
met() { awk "BEGIN {print ($1) ? \"yes\" : \"NO\"}"; }
c_d=$(field "${CONNECT[direct]}" 1); c_j=$(field "${CONNECT[proxyjump]}" 1); c_s=$(field "${CONNECT[shellguard]}" 1)
b_d=${BULK[direct]}; b_j=${BULK[proxyjump]}; b_s=${BULK[shellguard]}
e50_d=$(field "${ECHO[direct]}" 1); e50_j=$(field "${ECHO[proxyjump]}" 1); e50_s=$(field "${ECHO[shellguard]}" 1)
e99_d=$(field "${ECHO[direct]}" 2); e99_j=$(field "${ECHO[proxyjump]}" 2); e99_s=$(field "${ECHO[shellguard]}" 2)

echo
echo "ShellGuard benchmark — $(nproc) cores, $(date -u +%Y-%m-%d), connect runs $RUNS, bulk $BYTES, echo samples $SAMPLES"
printf '| %-22s | %9s | %9s | %10s | %16s | %-22s | %-4s |\n' metric direct proxyjump shellguard "shellguard/jump" target met
printf '|%s|\n' "------------------------|-----------|-----------|------------|------------------|------------------------|------"
printf '| %-22s | %9s | %9s | %10s | %16s | %-22s | %-4s |\n' "connect+true, ms (p50)" "$c_d" "$c_j" "$c_s" "$(ratio "$c_s" "$c_j")" "<= 1.2x" "$(met "$c_s <= 1.2 * $c_j")"
printf '| %-22s | %9s | %9s | %10s | %16s | %-22s | %-4s |\n' "connect+true, ms (p90)" "$(field "${CONNECT[direct]}" 2)" "$(field "${CONNECT[proxyjump]}" 2)" "$(field "${CONNECT[shellguard]}" 2)" "" "" ""
printf '| %-22s | %9s | %9s | %10s | %16s | %-22s | %-4s |\n' "bulk upload, MB/s" "$b_d" "$b_j" "$b_s" "$(ratio "$b_s" "$b_j")" ">= 1.0x" "$(met "$b_s >= $b_j")"
printf '| %-22s | %9s | %9s | %10s | %16s | %-22s | %-4s |\n' "echo p50, ms" "$e50_d" "$e50_j" "$e50_s" "$(ratio "$e50_s" "$e50_j")" "" ""
printf '| %-22s | %9s | %9s | %10s | %16s | %-22s | %-4s |\n' "echo p99, ms" "$e99_d" "$e99_j" "$e99_s" "$(awk -v a="$e99_s" -v b="$e99_j" 'BEGIN {printf "%+.2f ms", a - b}')" "<= proxyjump + 1 ms" "$(met "$e99_s <= $e99_j + 1")"
