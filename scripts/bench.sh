#!/usr/bin/env bash
# ShellGuard benchmark: what a user pays for reaching a server through the gateway instead of the setup
# people would otherwise use, an OpenSSH bastion (ProxyJump). One run, one target sshd, three paths:
#
#   direct      ssh -> target sshd                        (the floor: no intermediary at all)
#   proxyjump   ssh -> jump sshd -> target sshd           (the baseline every figure is compared with)
#   shellguard  ssh -> gateway node -> target sshd        (a node started here with scripts/run.sh)
#
# Every path uses the same client, the same options and the same target account, so the differences are
# the intermediary's. Three things a person notices are measured:
#
#   connect   `ssh HOST true`: TCP, key exchange(s), authentication, one exec channel, close. Median and
#             p90 of BENCH_CONNECT_RUNS runs, interleaved across the paths so background load hits all alike.
#   bulk      `head -c 1G /dev/zero | ssh HOST 'cat >/dev/null'` in MB/s (MiB/s), median of BENCH_BULK_RUNS
#             (interleaved across the paths, each run printed); the time includes the connection.
#             Download: `ssh HOST 'cat FILE' >/dev/null` of a text file of the same size, the output the
#             gateway records as it relays it (session recording).
#   echo      one keystroke to a remote raw-mode `cat` and back through an interactive pty session
#             (scripts/bench/echo_rtt.py), p50 and p99 of BENCH_ECHO_SAMPLES keystrokes: typing latency.
#             The three sessions are open side by side and the keystrokes alternate between them.
#
# Command control, on the gateway alone, per tier, with a small everyday rule set in force. The same target and
# login (sgtarget) reached three ways through the same gateway, as the same gateway user:
#
#   shellguard-off   server "target-off", whose label switches command control off (the baseline of this part)
#   shellguard       server "target" with sgtarget's own key: the same-account tier (the supervisor runs as the login)
#   shellguard-priv  server "target-priv", whose privileged account is the target's root (a key of its own, which the
#                    target's sshd takes for root: PermitRootLogin prohibit-password): the privileged tier (the
#                    supervisor runs as root and starts the session as sgtarget)
#
# Both tiers run every layer: the shell hook, its lane (bash), the exec guard and the supervisor. Before
# anything is timed, an exec request through each of the two is looked up in the gateway's audit (GET /sessions):
# its hook field must name the tier and the layers hook, guard and supervisor, and so must that of the typed-command
# sessions after their section; anything else stops the bench (a figure of the wrong tier is worse than none).
#
#   commands  BENCH_COMMANDS short commands typed into an interactive login (builtins and small programs in
#             turn, scripts/bench/command_rtt.py), Enter to next prompt; per-command overhead p50 and p99. The
#             sessions (direct, shellguard-off and both tiers) are open side by side and the commands alternate.
#   scripts   a script of 2,000 external commands (small text tools) and one of 20,000 iterations of a loop of
#             builtins, run as exec requests; each script times itself; median of BENCH_SCRIPT_RUNS, the runs
#             interleaved across shellguard-off and both tiers.
#
# Exec guard and supervisor:
#
#   starts    BENCH_STARTS fork+exec of /bin/true from a small C loop (scripts/bench/start-loop.c), without and
#             with the exec guard preloaded (a session directory with the everyday rule set's policy, so each start
#             is decided locally; no gateway needed), in alternating batches of 500; mean per start, median over
#             the batches. Target: <= +0.2 ms per start. Then the same loop as an exec request over shellguard-off
#             and both tiers in turn, where every layer sees each start (made by a program, not a hooked shell: the
#             supervisor judges and reports it, the guard decides it in the process); p50 of each batch, median
#             over the batches.
#
# Two more modes, each on its own (the first argument):
#
#   start     scripts/bench.sh start: a node's start, no sshd needed. A fresh home is started once (the first
#             start: nothing of the node's exists yet), stopped, then started BENCH_START_RUNS times more (warm
#             starts, as after a reboot or an upgrade of the configuration); each start is timed from run.sh to a
#             working API (/api/v1/health answers 200) and SSH listener (the port speaks SSH), with the JVM's CPU
#             seconds by then and how many of those the JIT compiler threads (C1, C2) used (those still alive:
#             a compiler thread the JVM ended is not counted, so at least that many). After the last start
#             the idle node's RSS and heap in use (after a full GC) are read BENCH_IDLE_SECONDS later. Target:
#             warm start <= 15 s.
#   load      scripts/bench.sh load: many hooked interactive sessions (scripts/bench/load.py, asyncssh), the
#             target sshd allowed as many starting connections as it takes.
#             (a) set-up rate: BENCH_LOAD_RATE (10) new sessions a second for BENCH_LOAD_SECONDS (30), each
#                 typing 2 commands 3 s apart, straight to the target's sshd and then through the gateway: usable
#                 and failed sessions, set-up p50/p99 (TCP connect to the first prompt), commands answered, and
#                 the gateway's audit rows of those commands (each command's output names it, so rows are matched
#                 one by one: missing and doubled rows are counted). Target: none failing through the gateway at
#                 10/s, every answered command exactly one row.
#             (b) concurrency: BENCH_LOAD_SESSIONS (1000) hooked sessions held open together, opened at
#                 BENCH_LOAD_OPEN_RATE (10) a second, each typing a command every BENCH_LOAD_INTERVAL (5) s;
#                 once all are open, for BENCH_LOAD_WINDOW (30) s: the gateway's CPU, keystroke echo p50/p99
#                 (BENCH_ECHO_SAMPLES keystrokes) and then its heap after a full GC, each next to the idle
#                 gateway's; per session: heap and CPU, which predict 1,000 sessions where the machine cannot
#                 hold that many target shells. Every command must be answered.
#
# Targets (from the issues), against ProxyJump: connect <= 1.2x, bulk >= 1.0x, echo p99 <= ProxyJump + 1 ms;
# against the unhooked gateway, in each tier with every layer on (issue 15): typed command p50 <= +1 ms and
# p99 <= +5 ms, external-command script <= 1.6x, a program's start in a session p50 <= +0.3 ms; builtin loops
# <= 10x. The exec guard alone, decided locally: <= +0.2 ms per start.
# The tables show them and whether this run met them, each tier in a row of its own; the script never fails on
# a figure. It exits 0 once everything was measured and non-zero only when something could not run, or when a
# hooked session did not get its tier and every layer.
#
# The client's options are the same everywhere, but algorithms are negotiated per hop, and a gateway that
# offers other key exchanges or ciphers than sshd ends up with others (they can dominate connect time and
# throughput), so the key exchange and cipher the client negotiated on each path are printed with the table.
# BENCH_KEX and BENCH_CIPHER (e.g. curve25519-sha256, aes128-gcm@openssh.com) pin them for every hop the
# client negotiates; the gateway's own hop to the target stays the gateway's choice.
#
# The gateway is a long-running JVM: by default every path is warmed up first (same amount for all), so the
# gateway is measured in its steady state rather than while the JIT compiles the relay. BENCH_WARMUP=0
# measures cold.
#
# Absolute figures depend on the machine (cores, AES instructions, whatever else runs): on a 2-core box the
# client, the intermediary and the sshds share the processors. Compare the ratios, and only within one run.
#
# Settings (environment):
#   BENCH_CONNECT_RUNS (20)  BENCH_BYTES (1G)  BENCH_BULK_RUNS (1)  BENCH_ECHO_SAMPLES (500)
#   BENCH_COMMANDS (1000)  BENCH_SCRIPT_RUNS (3)  BENCH_STARTS (2000)
#   BENCH_WARMUP (1)  BENCH_WARMUP_BYTES (256M)  BENCH_KEX, BENCH_CIPHER (negotiated)
#   BENCH_QUICK=1         smoke run: 5 connects, 64M, 100 keystrokes, small warm-up
#   BENCH_SKIP_GATEWAY=1  direct and ProxyJump only (no gateway is built or started)
#   BENCH_SECTIONS="..."  only these of: connect bulk echo commands scripts starts (default: all); the table
#                         shows - for what was not measured
#   BENCH_START_RUNS (3)  BENCH_IDLE_SECONDS (30)   (start mode)
#   BENCH_LOAD_RATE (10)  BENCH_LOAD_SECONDS (30)  BENCH_LOAD_SESSIONS (1000)  BENCH_LOAD_OPEN_RATE (10)
#   BENCH_LOAD_INTERVAL (5)  BENCH_LOAD_WINDOW (30)                             (load mode; BENCH_LOAD_SESSIONS=0: (a) only)
#   BENCH_GATEWAY_START_SECONDS (600)  how long the gateway may take to start
#   BENCH_KEEP=1          after the table, keep the sshds and the gateway running until interrupted, for
#                         experiments through the printed client configuration
# Needs root (not in start mode): creates the local account sgtarget if missing and starts sshds on free loopback
# ports; the target's sshd lets root in with a key made for the run, which only the gateway holds (the privileged
# tier's account).
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C  # EPOCHREALTIME and awk print with a decimal point

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODE=${1:-}
case $MODE in
  ""|start|load) ;;
  *) echo "usage: scripts/bench.sh [start|load]" >&2; exit 2 ;;
esac
if [[ ${BENCH_QUICK:-0} == 1 ]]; then
  STARTS=${BENCH_STARTS:-1000}
  COMMANDS=${BENCH_COMMANDS:-100} SCRIPT_RUNS=${BENCH_SCRIPT_RUNS:-1}
  RUNS=${BENCH_CONNECT_RUNS:-5} BYTES=${BENCH_BYTES:-64M} SAMPLES=${BENCH_ECHO_SAMPLES:-100}
  WARMUP_BYTES=${BENCH_WARMUP_BYTES:-32M} WARMUP_SAMPLES=50 WARMUP_CONNECTS=2
else
  STARTS=${BENCH_STARTS:-2000}
  COMMANDS=${BENCH_COMMANDS:-1000} SCRIPT_RUNS=${BENCH_SCRIPT_RUNS:-3}
  RUNS=${BENCH_CONNECT_RUNS:-20} BYTES=${BENCH_BYTES:-1G} SAMPLES=${BENCH_ECHO_SAMPLES:-500}
  WARMUP_BYTES=${BENCH_WARMUP_BYTES:-256M} WARMUP_SAMPLES=200 WARMUP_CONNECTS=5
fi
BULK_RUNS=${BENCH_BULK_RUNS:-1}
WARMUP=${BENCH_WARMUP:-1}
SKIP_GATEWAY=${BENCH_SKIP_GATEWAY:-0}
SECTIONS=" ${BENCH_SECTIONS:-connect bulk echo commands scripts starts} "
section() { [[ $SECTIONS == *" $1 "* ]]; }
# command control is measured per tier (not in the load mode, which measures hooked sessions of one tier)
TIERS=0
if [[ $MODE == "" && $SKIP_GATEWAY != 1 ]] && { section commands || section scripts || section starts; }; then TIERS=1; fi
BYTE_COUNT=$(numfmt --from=iec "$BYTES")

GATEWAY_PID=
die() {
  if [[ -n $GATEWAY_PID && -f ${W:-}/gateway.log ]]; then
    echo "bench: last lines of the gateway's log:" >&2
    tail -n 40 "$W/gateway.log" >&2
  fi
  echo "bench: $*" >&2
  exit 1
}
log() { echo "bench: $*" >&2; }
build_if_missing() {
  if [[ ! -f $ROOT/web/target/shellguard-web.war || ! -f $ROOT/ssh-connector/rar/target/shellguard-connector.rar ||
        ! -f $ROOT/server-config/target/runtime/payara-micro.jar ]]; then
    log "building ShellGuard ..."
    (cd "$ROOT" && mvn -q -B -DskipTests -DskipITs install -pl server-config,ssh-connector/rar,web -am) || die "the build failed"
  fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ssh_banner() { # port -> the first 7 bytes the port sends
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && timeout 2 head -c 7 <&3) 2>/dev/null || true
}
cpu_seconds() { # pid -> user + system CPU seconds the process used so far
  awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); printf "%.1f\n", ($12 + $13) / hz}' "/proc/$1/stat"
}
jit_seconds() { # pid -> CPU seconds the JVM's JIT compiler threads (C1, C2) used so far
  local t sum=0
  for t in /proc/"$1"/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == C[12]\ CompilerThre* ]] || continue
    sum=$(awk -v hz="$(getconf CLK_TCK)" -v s="$sum" '{sub(/.*\) /, ""); printf "%.2f\n", s + ($12 + $13) / hz}' "$t/stat" 2>/dev/null || echo "$sum")
  done
  printf '%.1f\n' "$sum"
}
heap_mb() { # pid -> MiB of heap in use after a full GC
  jcmd "$1" GC.run >/dev/null 2>&1 || return 1
  jcmd "$1" GC.heap_info 2>/dev/null | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n 1 | awk '{printf "%.1f\n", $1 / 1024}'
}
rss_mb() { ps -o rss= -p "$1" | awk '{printf "%.0f\n", $1 / 1024}'; }

# --- start mode: a node's start time and idle footprint --------------------------------------------------
if [[ $MODE == start ]]; then
  for tool in java jcmd curl python3; do command -v "$tool" >/dev/null || die "$tool is missing"; done
  build_if_missing
  W=$(mktemp -d /tmp/shellguard-bench.XXXXXX)
  GATEWAY_PID=
  trap '[[ -n $GATEWAY_PID ]] && kill -KILL "$GATEWAY_PID" 2>/dev/null; rm -rf "$W"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  SSH_PORT=$(free_port) HTTP_PORT=$(free_port)
  start_node() { # sets GATEWAY_PID; writes "wall-seconds cpu-seconds jit-cpu-seconds" to $W/start once the API and SSH listener answer
    local s=$EPOCHREALTIME now
    SHELLGUARD_HOME=$W/gateway SHELLGUARD_SSH_PORT=$SSH_PORT SHELLGUARD_HTTP_PORT=$HTTP_PORT \
      SHELLGUARD_ADMIN_PASSWORD=bench-$RANDOM$RANDOM "$ROOT/scripts/run.sh" >> "$W/gateway.log" 2>&1 < /dev/null &
    GATEWAY_PID=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$HTTP_PORT/api/v1/health") == 200 &&
             $(ssh_banner "$SSH_PORT") == SSH-2.0 ]]; do
      kill -0 "$GATEWAY_PID" 2>/dev/null || die "the gateway exited during its start"
      sleep 0.1
    done
    now=$EPOCHREALTIME
    echo "$(awk -v a="${s/./}" -v b="${now/./}" 'BEGIN {printf "%.1f", (b - a) / 1e6}') $(cpu_seconds "$GATEWAY_PID") $(jit_seconds "$GATEWAY_PID")" > "$W/start"
  }
  stop_node() { # writes the seconds the node took to stop to $W/stop
    local s=$EPOCHREALTIME now
    kill -TERM "$GATEWAY_PID"
    for _ in $(seq 1200); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
    GATEWAY_PID=
    now=$EPOCHREALTIME
    awk -v a="${s/./}" -v b="${now/./}" 'BEGIN {printf "%.1f", (b - a) / 1e6}' > "$W/stop"
  }
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  log "first start (fresh home) ..."
  start_node; read -r FIRST FIRST_CPU FIRST_JIT < "$W/start"
  stop_node; FIRST_STOP=$(<"$W/stop")
  WARM=() WARM_CPU=() WARM_JIT=()
  for i in $(seq "${BENCH_START_RUNS:-3}"); do
    log "warm start $i ..."
    start_node; read -r t c j < "$W/start"
    WARM+=("$t") WARM_CPU+=("$c") WARM_JIT+=("$j")
    if ((i < ${BENCH_START_RUNS:-3})); then stop_node; fi
  done
  log "idle for ${BENCH_IDLE_SECONDS:-30} s ..."
  sleep "${BENCH_IDLE_SECONDS:-30}"
  RSS=$(rss_mb "$GATEWAY_PID") HEAP=$(heap_mb "$GATEWAY_PID" || echo -)
  stop_node
  LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
  med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
  WARM_MED=$(med "${WARM[@]}")
  echo
  echo "ShellGuard start: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), $(java -version 2>&1 | head -n 1)"
  echo "load average before/after: $LOAD_BEFORE / $LOAD_AFTER (the machine's other work slows a start; CPU seconds less so)"
  echo "class-data archive: $(if [[ ${SHELLGUARD_CDS:-1} == 0 ]]; then echo "off (SHELLGUARD_CDS=0)"; else echo "written when the first start's node stopped (that stop took $FIRST_STOP s)"; fi)"
  echo
  start_row() { printf '| %-44s | %10s | %10s | %12s | %-8s | %-4s |\n' "$@"; }
  start_row "start, to a working API and SSH listener" seconds "CPU s" "of it JIT" target "met?"
  start_row "--------------------------------------------" ---------- ---------- ------------ -------- ----
  start_row "first start (fresh home)" "$FIRST" "$FIRST_CPU" "$FIRST_JIT" "" ""
  for i in "${!WARM[@]}"; do
    start_row "warm start $((i + 1))" "${WARM[$i]}" "${WARM_CPU[$i]}" "${WARM_JIT[$i]}" "" ""
  done
  start_row "warm start, median" "$WARM_MED" "$(med "${WARM_CPU[@]}")" "$(med "${WARM_JIT[@]}")" "<= 15 s" \
    "$(awk -v a="$WARM_MED" 'BEGIN {print (a <= 15) ? "yes" : "NO"}')"
  echo
  echo "idle node ${BENCH_IDLE_SECONDS:-30} s after its start: RSS $RSS MiB, heap in use after a full GC $HEAP MiB (-Xmx from SHELLGUARD_JAVA_OPTS, default 384m)"
  exit 0
fi

[[ $(id -u) == 0 ]] || die "run as root (creates the account sgtarget, starts sshds)"
for tool in ssh ssh-keygen /usr/sbin/sshd curl python3 numfmt; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done

W=$(mktemp -d /tmp/shellguard-bench.XXXXXX)
SSHD_PIDS=()
cleanup() {
  local pid
  if [[ -n $GATEWAY_PID ]]; then
    # run.sh execs java (nothing is left to build by then), so this is the JVM; Payara gets 30 s to stop
    kill -TERM "$GATEWAY_PID" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$GATEWAY_PID" 2>/dev/null || true
  fi
  for pid in "${SSHD_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM


# --- the target account and two sshds (target, jump host) ------------------------------------------------
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"  # sshds, the gateway and the load generator hold a socket or more per session
id sgtarget >/dev/null 2>&1 || useradd -m -s /bin/bash sgtarget
# a locked password ('!') would make sshd refuse even key logins without PAM; a password the account has (the
# end-to-end tests log in with the one scripts/test.sh sets) is kept, or their password logins fail after a run
if [[ $(getent shadow sgtarget | cut -d: -f2) == '!'* ]]; then usermod -p '*' sgtarget; fi
mkdir -p /run/sshd "$W/keys"
chmod 755 "$W" "$W/keys"
ssh-keygen -q -t ed25519 -N '' -C bench -f "$W/client_key"
install -m 644 "$W/client_key.pub" "$W/keys/sgtarget"
# the privileged tier's account: root by a key of its own, stored at the gateway only (the client cannot log in as root)
ssh-keygen -q -t ed25519 -N '' -C bench-root -f "$W/root_key"
install -m 644 "$W/root_key.pub" "$W/keys/root"
start_sshd() { # name port [sshd_config line...] (lines first: sshd takes the first value it reads of each)
  ssh-keygen -q -t ed25519 -N '' -C "$1" -f "$W/$1_host_key"
  {
    printf '%s\n' "${@:3}"
    cat <<CFG
Port $2
ListenAddress 127.0.0.1
HostKey $W/$1_host_key
PidFile $W/$1.pid
AuthorizedKeysFile $W/keys/%u
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowTcpForwarding yes
PrintMotd no
LogLevel ERROR
# the load mode opens hundreds of sessions at once: no random early drops of starting connections
MaxStartups 2000:100:4000
MaxSessions 100
CFG
  } > "$W/$1_sshd_config"
  /usr/sbin/sshd -D -e -f "$W/$1_sshd_config" 2>>"$W/$1.log" &
  SSHD_PIDS+=($!)
}
TARGET_PORT=$(free_port); JUMP_PORT=$(free_port)
# the target lets root in by key (the privileged tier's account); the jump host, which only relays, no one as root
start_sshd target "$TARGET_PORT" "PermitRootLogin prohibit-password"
start_sshd jump "$JUMP_PORT" "PermitRootLogin no"
for port in "$TARGET_PORT" "$JUMP_PORT"; do
  for _ in $(seq 50); do [[ $(ssh_banner "$port") == SSH-2.0 ]] && break; sleep 0.1; done
  [[ $(ssh_banner "$port") == SSH-2.0 ]] || { cat "$W"/*.log >&2; die "sshd on port $port did not start"; }
done
if [[ $TIERS == 1 ]]; then
  # the privileged tier's account must get in before the gateway is given it, or its refusal would read as the gateway's
  out=$(ssh -F /dev/null -p "$TARGET_PORT" -i "$W/root_key" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@127.0.0.1 'echo ok' 2>&1) || true
  [[ $out == ok ]] || die "the target's sshd does not let root in by key, which the privileged tier needs: $out" \
    "(sshd without PAM refuses a locked root, '!' in /etc/shadow, even a key: usermod -p '*' root allows key logins only)"
fi

# --- a gateway node, provisioned through its API ----------------------------------------------------------
PATHS=(direct proxyjump) SSH_PORT=
if [[ $SKIP_GATEWAY != 1 ]]; then
  PATHS+=(shellguard)
  build_if_missing
  SSH_PORT=$(free_port); HTTP_PORT=$(free_port); ADMIN_PW=bench-$RANDOM$RANDOM$RANDOM
  log "starting a gateway node (SSH $SSH_PORT, HTTP $HTTP_PORT) ..."
  # every benchmark session is the same person from the same address: the per-person and per-address caps are
  # raised above what the load mode opens, and the handshakes per target to what its sshd allows (MaxStartups
  # above); a fresh home has no class-data archive, and writing one would only slow this node's start and stop
  # (the start mode measures it)
  SHELLGUARD_CDS=${SHELLGUARD_CDS:-0} SHELLGUARD_HOME=$W/gateway SHELLGUARD_SSH_PORT=$SSH_PORT SHELLGUARD_HTTP_PORT=$HTTP_PORT \
    SHELLGUARD_MAX_CONNECTIONS_PER_USER=${SHELLGUARD_MAX_CONNECTIONS_PER_USER:-5000} \
    SHELLGUARD_MAX_UNAUTHENTICATED_PER_SOURCE=${SHELLGUARD_MAX_UNAUTHENTICATED_PER_SOURCE:-500} \
    SHELLGUARD_UPSTREAM_HANDSHAKES=${SHELLGUARD_UPSTREAM_HANDSHAKES:-2000} \
    SHELLGUARD_ADMIN_PASSWORD=$ADMIN_PW "$ROOT/scripts/run.sh" > "$W/gateway.log" 2>&1 < /dev/null &
  GATEWAY_PID=$!
  healthy() {
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$HTTP_PORT/api/v1/health") == 200 ]] &&
      [[ $(ssh_banner "$SSH_PORT") == SSH-2.0 ]]
  }
  deadline=$((SECONDS + ${BENCH_GATEWAY_START_SECONDS:-600}))  # a start takes minutes on a busy machine
  until healthy; do
    if ! kill -0 "$GATEWAY_PID" 2>/dev/null || ((SECONDS >= deadline)); then
      die "the gateway exited or was not healthy within ${BENCH_GATEWAY_START_SECONDS:-600} s (BENCH_GATEWAY_START_SECONDS)"
    fi
    sleep 0.5
  done
  api() { # path json
    local out
    out=$(curl -s -w '\n%{http_code}' -u "admin:$ADMIN_PW" -H 'Content-Type: application/json' \
      "http://127.0.0.1:$HTTP_PORT/api/v1$1" -d "$2")
    [[ ${out##*$'\n'} == 2?? ]] || die "POST $1 answered ${out##*$'\n'}: ${out%$'\n'*}"
  }
  json_string() { python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))'; }
  api /users "{\"username\":\"bench\",\"publicKeys\":[$(json_string < "$W/client_key.pub")]}"
  api /servers "{\"name\":\"target\",\"host\":\"127.0.0.1\",\"port\":$TARGET_PORT,\"hostKey\":$(cut -d' ' -f1-2 "$W/target_host_key.pub" | tr -d '\n' | json_string)}"
  api /servers/target/accounts "{\"login\":\"sgtarget\",\"privateKey\":$(json_string < "$W/client_key")}"
  api /grants '{"user":"bench","server":"target","logins":["sgtarget"]}'
  # the same target once more, on a label whose command default switches the hook off
  api /servers "{\"name\":\"target-off\",\"host\":\"127.0.0.1\",\"port\":$TARGET_PORT,\"labels\":[\"nohook\"],\"hostKey\":$(cut -d' ' -f1-2 "$W/target_host_key.pub" | tr -d '\n' | json_string)}"
  api /servers/target-off/accounts "{\"login\":\"sgtarget\",\"privateKey\":$(json_string < "$W/client_key")}"
  api /grants '{"user":"bench","server":"target-off","logins":["sgtarget"]}'
  curl -s -o /dev/null -X PUT -u "admin:$ADMIN_PW" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$HTTP_PORT/api/v1/command-defaults/nohook" -d '{"mode":"off"}'
  # and once more through its root account, privileged: sgtarget's sessions there are the privileged tier's
  api /servers "{\"name\":\"target-priv\",\"host\":\"127.0.0.1\",\"port\":$TARGET_PORT,\"hostKey\":$(cut -d' ' -f1-2 "$W/target_host_key.pub" | tr -d '\n' | json_string)}"
  api /servers/target-priv/accounts "{\"login\":\"root\",\"privateKey\":$(json_string < "$W/root_key"),\"privileged\":true}"
  api /grants '{"user":"bench","server":"target-priv","logins":["sgtarget"]}'
  # an everyday rule set: what a team forbids outright and what it wants to hear about
  for rule in shutdown:BLOCK reboot:BLOCK mkfs:BLOCK dd:ALERT sudo:ALERT; do
    api /command-rules "{\"name\":\"bench-${rule%%:*}\",\"match\":\"command\",\"pattern\":\"${rule%%:*}\",\"action\":\"${rule#*:}\"}"
  done
fi

# --- one client configuration for every path and gateway host --------------------------------------------
# ssh takes the first value it finds for each option, so the specific hosts come before the shared defaults.
# ProxyJump runs the jump leg with the same -F file, so the jump hop gets the same options too.
cat > "$W/ssh_config" <<CFG
Host direct
  Port $TARGET_PORT
Host jump
  Port $JUMP_PORT
Host proxyjump
  Port $TARGET_PORT
  ProxyJump jump
${SSH_PORT:+Host shellguard
  Port $SSH_PORT
  User bench@sgtarget@target
Host shellguard-off
  Port $SSH_PORT
  User bench@sgtarget@target-off
Host shellguard-priv
  Port $SSH_PORT
  User bench@sgtarget@target-priv}
Host *
  HostName 127.0.0.1
  User sgtarget
  IdentityFile $W/client_key
  IdentitiesOnly yes
  BatchMode yes
  StrictHostKeyChecking no
  UserKnownHostsFile /dev/null
  LogLevel ERROR
CFG
[[ -n ${BENCH_CIPHER:-} ]] && echo "  Ciphers $BENCH_CIPHER" >> "$W/ssh_config"
[[ -n ${BENCH_KEX:-} ]] && echo "  KexAlgorithms $BENCH_KEX" >> "$W/ssh_config"
SSH=(ssh -F "$W/ssh_config")

# Each path must log in, run a command and carry a stream intact before anything is timed.
declare -A CIPHER KEX
for h in "${PATHS[@]}"; do
  out=$("${SSH[@]}" "$h" 'echo ok' 2>&1) || true
  [[ $out == ok ]] || die "cannot log in via $h: $out"
  got=$(head -c 16M /dev/urandom | "${SSH[@]}" "$h" 'wc -c') || die "16 MiB upload via $h failed"
  [[ $got == 16777216 ]] || die "16 MiB upload via $h arrived as $got bytes"
  # the client's debug log names what it negotiated; for proxyjump the last lines are the end-to-end
  # session's (the jump leg negotiates the same way); @openssh.com is left out to keep the lines short
  debug=$("${SSH[@]}" -v -o LogLevel=DEBUG1 "$h" true 2>&1 | sed 's/@openssh.com//g; s/<implicit>/(AEAD)/')
  KEX[$h]=$(sed -n 's/.*kex: algorithm: \([^ ]*\).*/\1/p' <<< "$debug" | tail -n 1)
  CIPHER[$h]=$(sed -n 's/.*kex: client->server cipher: \([^ ]*\) MAC: \([^ ]*\).*/\1, MAC \2/p' <<< "$debug" | tail -n 1)
done

# --- measurements -----------------------------------------------------------------------------------------
elapsed_us() { # start-EPOCHREALTIME -> microseconds since
  local now=$EPOCHREALTIME
  echo $(( (${now/./} - ${1/./}) ))
}
# p50 is the median (mean of the middle two for an even count), p90 the nearest rank
quantiles() { # numbers on stdin -> "p50 p90"
  sort -n | awk '{a[NR]=$1} END {r = int(NR * 0.9); if (r < NR * 0.9) r++
    printf "%s %s\n", (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2), a[r]}'
}
median() { # numbers, blank or newline separated, on stdin -> their median
  tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'
}
bulk_once() { # host -> MiB/s
  local s us
  s=$EPOCHREALTIME
  head -c "$BYTES" /dev/zero | "${SSH[@]}" "$1" 'cat > /dev/null' || die "bulk transfer via $1 failed"
  us=$(elapsed_us "$s")
  awk -v b="$BYTE_COUNT" -v us="$us" 'BEGIN {printf "%.1f\n", b / 1048576 / (us / 1e6)}'
}
download_once() { # host -> MiB/s
  local s us
  s=$EPOCHREALTIME
  "${SSH[@]}" "$1" "cat $W/bulk.txt" < /dev/null > /dev/null || die "bulk download via $1 failed"
  us=$(elapsed_us "$s")
  awk -v b="$BYTE_COUNT" -v us="$us" 'BEGIN {printf "%.1f\n", b / 1048576 / (us / 1e6)}'
}
echo_rtt() { # samples host... -> "host p50 p99" lines (ms)
  python3 "$ROOT/scripts/bench/echo_rtt.py" "$1" "$W/ssh_config" "${@:2}" || die "echo measurement via ${*:2} failed"
}

# --- load mode: many hooked interactive sessions ---------------------------------------------------------
if [[ $MODE == load ]]; then
  [[ $SKIP_GATEWAY != 1 ]] || die "the load mode measures the gateway (BENCH_SKIP_GATEWAY=1 leaves nothing to measure)"
  /usr/bin/python3 -c 'import asyncssh' 2>/dev/null || die "python3-asyncssh is missing (Debian: apt-get install python3-asyncssh)"
  JVM_PID=$(pgrep -P "$GATEWAY_PID" java || echo "$GATEWAY_PID")  # run.sh execs java: normally the same process
  load_py() { # label port user load.py-options... -> the JSON line
    /usr/bin/python3 "$ROOT/scripts/bench/load.py" --host 127.0.0.1 --port "$2" --user "$3" --key "$W/client_key" "${@:4}" \
      2> >(sed "s/^/bench: [$1] /" >&2) | tail -n 1
  }
  field() { # json python-expression-on-r -> value
    python3 -c 'import json,sys; r=json.loads(sys.argv[1]); v=eval(sys.argv[2]); print("-" if v is None else v)' "$1" "$2"
  }
  pair() { # json expression expression separator -> "A<separator>B"
    echo "$(field "$1" "$2")$4$(field "$1" "$3")"
  }
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  RATE=${BENCH_LOAD_RATE:-10} RATE_SECONDS=${BENCH_LOAD_SECONDS:-30}
  RATE_SESSIONS=$(awk -v r="$RATE" -v s="$RATE_SECONDS" 'BEGIN {printf "%d", r * s}')
  declare -A RATE_JSON
  for h in direct shellguard; do
    if [[ $h == direct ]]; then port=$TARGET_PORT user=sgtarget; else port=$SSH_PORT user=bench@sgtarget@target; fi
    log "load (a): $RATE_SESSIONS sessions at $RATE/s via $h ..."
    RATE_JSON[$h]=$(load_py "$h" "$port" "$user" --sessions "$RATE_SESSIONS" --rate "$RATE" --commands 2 --interval 3 \
      --tokens "$W/load-$h.tokens") || die "the load generator failed via $h"
  done
  # the gateway's audit rows of the commands answered: each command's output names its token, and so does its
  # row; the audit is written off the shell's path, so read until nothing changes for 3 s (at most a minute)
  audit_rows() { # tokens-file -> "rows answered-without-a-row doubled"
    python3 - "$HTTP_PORT" "$ADMIN_PW" "$1" <<'PY'
import base64, json, re, sys, urllib.request
port, password, tokens = sys.argv[1], sys.argv[2], sys.argv[3]
answered = set(open(tokens).read().split())
auth = base64.b64encode(f"admin:{password}".encode()).decode()
rows, offset = {}, 0
while True:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/audit/commands?user=bench&limit=1000&offset={offset}",
                                 headers={"Authorization": "Basic " + auth})
    page = json.load(urllib.request.urlopen(req))
    for c in page:
        m = re.search(r"sg\d+x\d+", c.get("command") or "")
        if m:
            rows[m.group()] = rows.get(m.group(), 0) + 1
    if len(page) < 1000:
        break
    offset += 1000
print(sum(rows.values()), len(answered - rows.keys()), sum(1 for n in rows.values() if n > 1))
PY
  }
  previous= RATE_ROWS=
  for _ in $(seq 20); do
    RATE_ROWS=$(audit_rows "$W/load-shellguard.tokens") || die "cannot read the gateway's command audit"
    [[ $RATE_ROWS == "$previous" ]] && break
    previous=$RATE_ROWS
    sleep 3
  done
  read -r RATE_ROW_COUNT RATE_MISSING RATE_DOUBLED <<< "$RATE_ROWS"
  # where the gateway's set-up time went in (a): its per-session step lines (SetupTimes, HookInstaller)
  RATE_STEPS=$(python3 - "$W/gateway.log" <<'PY'
import re, sys
steps, order = {}, []
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"set-up ms:((?: [a-z-]+=\d+)+)", line) or re.search(r"hook installer ms:((?: [a-z-]+=\d+)+)", line)
    f = re.search(r"startup files of \S+ read(?: [A-Za-z ]+)? in (\d+) us, checked in (\d+) us", line)
    if f:
        m = re.match(r"(.*)", f" startup-read={int(f.group(1)) // 1000} startup-compare={(int(f.group(2)) - int(f.group(1))) // 1000}")
    if m:
        for name, ms in re.findall(r"([a-z-]+)=(\d+)", m.group(1)):
            if name not in steps:
                order.append(name)
            steps.setdefault(name, []).append(int(ms))
def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
print("; ".join(f"{n} {pct(steps[n], 50)}/{pct(steps[n], 99)} ({len(steps[n])})" for n in order))
PY
)

  N=${BENCH_LOAD_SESSIONS:-1000} OPEN_RATE=${BENCH_LOAD_OPEN_RATE:-10} INTERVAL=${BENCH_LOAD_INTERVAL:-5}
  WINDOW=${BENCH_LOAD_WINDOW:-30}
  if ((N > 0)); then
    OPEN_SECONDS=$(awk -v n="$N" -v r="$OPEN_RATE" 'BEGIN {printf "%d", n / r + 0.999}')
    # the window opens once the last session should be usable: its set-up takes up to (a)'s p99 through the gateway
    SETTLE=$(awk -v p="$(field "${RATE_JSON[shellguard]}" 'r["setup_ms"]["p99"]')" 'BEGIN {s = int(p / 1000) + 10; print (s > 10 ? s : 10)}')
    # every session types (from its first prompt on) until the window is over: opening, settling, the window, one interval
    COMMANDS=$(awk -v o="$OPEN_SECONDS" -v s="$SETTLE" -v w="$WINDOW" -v i="$INTERVAL" 'BEGIN {printf "%d", (o + s + w + i) / i + 1}')
    log "load (b): the idle gateway: keystroke echo ($SAMPLES), heap after a full GC ..."
    read -r _ IDLE_ECHO50 IDLE_ECHO99 < <(echo_rtt "$SAMPLES" shellguard)
    IDLE_HEAP=$(heap_mb "$JVM_PID") || die "cannot read the gateway's heap (jcmd)"
    IDLE_RSS=$(rss_mb "$JVM_PID")
    log "load (b): $N sessions opened at $OPEN_RATE/s, a command each every $INTERVAL s ($COMMANDS each) ..."
    load_py held "$SSH_PORT" bench@sgtarget@target --sessions "$N" --rate "$OPEN_RATE" --commands "$COMMANDS" \
      --interval "$INTERVAL" --timeout 120 > "$W/held.json" &
    HELD_PID=$!
    sleep $((OPEN_SECONDS + SETTLE))
    log "load (b): measuring for $WINDOW s with $N sessions open ..."
    c0=$(cpu_seconds "$JVM_PID") t0=$EPOCHREALTIME
    sleep "$WINDOW"
    c1=$(cpu_seconds "$JVM_PID") t1=$EPOCHREALTIME
    read -r _ LOAD_ECHO50 LOAD_ECHO99 < <(echo_rtt "$SAMPLES" shellguard)
    LOADED_HEAP=$(heap_mb "$JVM_PID") || die "cannot read the gateway's heap (jcmd)"
    LOADED_RSS=$(rss_mb "$JVM_PID")
    wait "$HELD_PID" || die "the load generator failed"
    HELD_JSON=$(tail -n 1 "$W/held.json")
  CPU_PCT=$(awk -v a="$c0" -v b="$c1" -v s="${t0/./}" -v e="${t1/./}" 'BEGIN {printf "%.1f", (b - a) / ((e - s) / 1e6) * 100}')
  fi
  LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

  echo
  echo "ShellGuard load: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), $(ssh -V 2>&1 | cut -d, -f1), asyncssh client"
  echo "load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
  echo
  echo "(a) set-up rate: $RATE_SESSIONS hooked interactive sessions at $RATE/s, 2 commands each"
  lrow() { printf '| %-34s | %12s | %12s | %-10s | %-4s |\n' "$@"; }
  lrow "" "target sshd" "gateway" target "met?"
  lrow "----------------------------------" ------------ ------------ ---------- ----
  lrow "sessions usable / asked" "$(pair "${RATE_JSON[direct]}" 'r["usable"]' 'r["sessions"]' /)" \
    "$(pair "${RATE_JSON[shellguard]}" 'r["usable"]' 'r["sessions"]' /)" "none fail" \
    "$([[ $(field "${RATE_JSON[shellguard]}" 'r["failed"]') == 0 ]] && echo yes || echo NO)"
  lrow "set-up p50, ms" "$(field "${RATE_JSON[direct]}" 'r["setup_ms"]["p50"]')" "$(field "${RATE_JSON[shellguard]}" 'r["setup_ms"]["p50"]')" "" ""
  lrow "set-up p99, ms" "$(field "${RATE_JSON[direct]}" 'r["setup_ms"]["p99"]')" "$(field "${RATE_JSON[shellguard]}" 'r["setup_ms"]["p99"]')" "" ""
  lrow "command round trip p50, ms" "$(field "${RATE_JSON[direct]}" 'r["rtt_ms"]["p50"]')" "$(field "${RATE_JSON[shellguard]}" 'r["rtt_ms"]["p50"]')" "" ""
  lrow "command round trip p99, ms" "$(field "${RATE_JSON[direct]}" 'r["rtt_ms"]["p99"]')" "$(field "${RATE_JSON[shellguard]}" 'r["rtt_ms"]["p99"]')" "" ""
  lrow "commands answered / typed" "$(pair "${RATE_JSON[direct]}" 'r["commands_answered"]' 'r["commands_typed"]' /)" \
    "$(pair "${RATE_JSON[shellguard]}" 'r["commands_answered"]' 'r["commands_typed"]' /)" "" ""
  lrow "audit rows (answered, no row; doubled)" "" "$RATE_ROW_COUNT ($RATE_MISSING; $RATE_DOUBLED)" "0; 0" \
    "$([[ $RATE_MISSING == 0 && $RATE_DOUBLED == 0 ]] && echo yes || echo NO)"
  echo "gateway set-up steps, ms p50/p99 (sessions): ${RATE_STEPS:-none logged}"
  echo "  (kex, auth and request: the connection's own handshake, from its TCP accept to the shell request; installer's"
  echo "   forward and installer are inside hook; total runs from the TCP accept to the input flowing)"
  for h in direct shellguard; do
    f=$(field "${RATE_JSON[$h]}" 'r["failures"] or ""')
    [[ -z $f ]] || echo "failures via $h: $f"
  done
  if ((N == 0)); then
    echo "(b) not run (BENCH_LOAD_SESSIONS=0)"
    exit 0
  fi
  echo
  echo "(b) $N hooked interactive sessions held open together, a command each every $INTERVAL s; the gateway over $WINDOW s"
  brow() { printf '| %-40s | %12s | %14s | %16s |\n' "$@"; }
  brow "" "idle gateway" "$N sessions" "per session"
  brow "----------------------------------------" ------------ -------------- ----------------
  brow "sessions usable / asked" - "$(pair "$HELD_JSON" 'r["usable"]' 'r["sessions"]' /)" ""
  brow "commands answered / typed" - "$(pair "$HELD_JSON" 'r["commands_answered"]' 'r["commands_typed"]' /)" ""
  brow "command round trip p50 / p99, ms" - "$(pair "$HELD_JSON" 'r["rtt_ms"]["p50"]' 'r["rtt_ms"]["p99"]' ' / ')" ""
  brow "keystroke echo p50, ms" "$IDLE_ECHO50" "$LOAD_ECHO50" ""
  brow "keystroke echo p99, ms" "$IDLE_ECHO99" "$LOAD_ECHO99" ""
  brow "gateway heap after full GC, MiB" "$IDLE_HEAP" "$LOADED_HEAP" \
    "$(awk -v a="$IDLE_HEAP" -v b="$LOADED_HEAP" -v n="$N" 'BEGIN {printf "%.1f KiB", (b - a) * 1024 / n}')"
  brow "gateway RSS, MiB" "$IDLE_RSS" "$LOADED_RSS" \
    "$(awk -v a="$IDLE_RSS" -v b="$LOADED_RSS" -v n="$N" 'BEGIN {printf "%.1f KiB", (b - a) * 1024 / n}')"
  brow "gateway CPU, % of one core" - "$CPU_PCT" "$(awk -v c="$CPU_PCT" -v n="$N" 'BEGIN {printf "%.3f %%", c / n}')"
  f=$(field "$HELD_JSON" 'r["failures"] or ""')
  [[ -z $f ]] || echo "failures: $f"
  awk -v a="$IDLE_HEAP" -v b="$LOADED_HEAP" -v c="$CPU_PCT" -v n="$N" 'BEGIN {
    printf "predicted for 1,000 such sessions (linear in the per-session figures): heap %.0f MiB above idle, CPU %.0f%% of one core\n",
      (b - a) * 1000 / n, c * 1000 / n }'
  echo "The set-up figures include the client's own work (one asyncssh process); heap and CPU are the gateway JVM's."
  exit 0
fi

# --- command control per tier: the hooked hosts' sessions must get their tier and every layer --------------
# GW_HOSTS: the gateway's hosts command control is measured on, the unhooked baseline first
GW_HOSTS=(shellguard-off shellguard shellguard-priv)
declare -A SERVER=([shellguard-off]=target-off [shellguard]=target [shellguard-priv]=target-priv)
declare -A TIER=([shellguard]=same-account [shellguard-priv]=privileged)
declare -A LAYERS TYPED_LAYERS  # hooked host -> the layers its exec request, and its typed-command session, got
hook_of() { # server command ("": an interactive login) -> "state tier layer,..." of the bench user's newest such
            # session there, once its hook field is reported (at most 30 s), else "none - -"
  python3 - "$HTTP_PORT" "$ADMIN_PW" "$1" "$2" <<'PY'
import base64, json, sys, time, urllib.request
port, password, server, command = sys.argv[1:]
auth = base64.b64encode(f"admin:{password}".encode()).decode()
deadline = time.monotonic() + 30
while True:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/sessions?user=bench&limit=1000",
                                 headers={"Authorization": "Basic " + auth})
    rows = [s for s in json.load(urllib.request.urlopen(req))
            if s.get("server") == server and (s.get("command") or "") == command]
    hook = rows[0].get("hook") if rows else None  # newest first
    if hook or time.monotonic() > deadline:
        break
    time.sleep(0.5)
print(f"{hook.get('state')} {hook.get('tier') or '-'} {','.join(hook.get('layers') or []) or '-'}" if hook else "none - -")
PY
}
tier_layers() { # host command -> the layers of that session, after stopping the bench unless it got the host's
                # tier with the hook, the exec guard and the supervisor armed
  local r state tier layers what="an interactive login"
  [[ -z $2 ]] || what="the command '$2'"
  r=$(hook_of "${SERVER[$1]}" "$2") || die "cannot read the gateway's session audit"
  read -r state tier layers <<< "$r"
  if [[ $state != ARMED || $tier != "${TIER[$1]}" || ,$layers, != *,hook,* || ,$layers, != *,guard,* ||
        ,$layers, != *,supervisor,* ]]; then
    die "a session via $1 (server ${SERVER[$1]}, $what) got command control" \
      "'$state', tier '$tier', layers '$layers', not the ${TIER[$1]} tier with hook, guard and supervisor:" \
      "its figures would not be that tier's"
  fi
  echo "$layers"
}
if [[ $TIERS == 1 ]]; then
  for h in shellguard shellguard-priv; do
    marker="bench-tier-check-$h-$RANDOM"
    out=$("${SSH[@]}" "$h" "echo $marker" 2>&1) || true
    [[ $out == "$marker" ]] || die "cannot run a command via $h: $out"
    LAYERS[$h]=$(tier_layers "$h" "echo $marker")
    log "$h: ${TIER[$h]} tier, layers ${LAYERS[$h]}"
  done
fi

# every figure, by path; a section not measured leaves its figures empty (shown as -)
declare -A CONNECT_US CONNECT_P50 CONNECT_P90 BULK_ALL BULK DOWN_ALL DOWN ECHO50 ECHO99 CMD50 CMD99 EXT LOOP EXT_ALL LOOP_ALL
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ $WARMUP == 1 ]]; then
  for h in "${PATHS[@]}"; do
    log "warming up $h ($WARMUP_BYTES, $WARMUP_SAMPLES keystrokes, $WARMUP_CONNECTS connects) ..."
    head -c "$WARMUP_BYTES" /dev/zero | "${SSH[@]}" "$h" 'cat > /dev/null' || die "warm-up via $h failed"
    echo_rtt "$WARMUP_SAMPLES" "$h" > /dev/null
    for _ in $(seq "$WARMUP_CONNECTS"); do "${SSH[@]}" "$h" true || die "connect via $h failed"; done
  done
fi

if section connect; then
  log "connect: $RUNS rounds over ${PATHS[*]} ..."
  for _ in $(seq "$RUNS"); do
    for h in "${PATHS[@]}"; do
      s=$EPOCHREALTIME
      "${SSH[@]}" "$h" true || die "connect via $h failed"
      CONNECT_US[$h]+="$(elapsed_us "$s") "
    done
  done
  for h in "${PATHS[@]}"; do
    read -r p50 p90 < <(tr ' ' '\n' <<< "${CONNECT_US[$h]}" | grep . | quantiles)
    CONNECT_P50[$h]=$(awk -v v="$p50" 'BEGIN {printf "%.1f", v / 1000}')
    CONNECT_P90[$h]=$(awk -v v="$p90" 'BEGIN {printf "%.1f", v / 1000}')
  done
fi

if section bulk; then
  log "bulk: $BULK_RUNS x $BYTES up and down over ${PATHS[*]} ..."
  # text, as terminal output is: base64 lines
  base64 -w 100 < /dev/urandom | head -c "$BYTES" > "$W/bulk.txt" && chmod 644 "$W/bulk.txt"
  for _ in $(seq "$BULK_RUNS"); do
    for h in "${PATHS[@]}"; do BULK_ALL[$h]+="$(bulk_once "$h") "; DOWN_ALL[$h]+="$(download_once "$h") "; done
  done
  for h in "${PATHS[@]}"; do
    read -r p50 _ < <(tr ' ' '\n' <<< "${BULK_ALL[$h]}" | grep . | quantiles)
    BULK[$h]=$(awk -v v="$p50" 'BEGIN {printf "%.1f", v}')
    read -r p50 _ < <(tr ' ' '\n' <<< "${DOWN_ALL[$h]}" | grep . | quantiles)
    DOWN[$h]=$(awk -v v="$p50" 'BEGIN {printf "%.1f", v}')
  done
fi

if section echo; then
  log "echo: $SAMPLES keystrokes over ${PATHS[*]} ..."
  r=$(echo_rtt "$SAMPLES" "${PATHS[@]}")
  while read -r h p50 p99; do ECHO50[$h]=$p50 ECHO99[$h]=$p99; done <<< "$r"
fi

if [[ $SKIP_GATEWAY != 1 ]]; then
  if section commands; then
    log "commands: $COMMANDS typed commands over direct ${GW_HOSTS[*]} ..."
    r=$(python3 "$ROOT/scripts/bench/command_rtt.py" "$COMMANDS" "$W/ssh_config" direct "${GW_HOSTS[@]}") \
      || die "typed-command measurement failed"
    while read -r h p50 p99; do CMD50[$h]=$p50 CMD99[$h]=$p99; done <<< "$r"
    for h in shellguard shellguard-priv; do TYPED_LAYERS[$h]=$(tier_layers "$h" ""); done
  fi

  # Each script times itself, so connecting (and installing the hook) is not counted.
  mkdir -p "$W/scripts" && chmod 755 "$W/scripts"
  printf 'alpha\nbeta\ngamma\n' > "$W/scripts/words.txt"
  cat > "$W/scripts/external.sh" <<'SCRIPT'
# 2,000 external commands: the small text tools scripts are made of, on a small file
f=$(dirname "$0")/words.txt s=$EPOCHREALTIME
for ((i = 0; i < 250; i++)); do
  grep -c a "$f" >/dev/null; sed -n 2p "$f" >/dev/null; cut -c1-3 "$f" >/dev/null; wc -l "$f" >/dev/null
  head -n 1 "$f" >/dev/null; tr a-z A-Z < "$f" >/dev/null; sort "$f" >/dev/null; date +%s >/dev/null
done
e=$EPOCHREALTIME; echo $(( (${e/./} - ${s/./}) / 1000 ))
SCRIPT
  cat > "$W/scripts/builtins.sh" <<'SCRIPT'
# 20,000 iterations of a loop of builtins: arithmetic, a test, an assignment
s=$EPOCHREALTIME x=0
for ((i = 0; i < 20000; i++)); do
  x=$(( (x + i) % 977 ))
  [[ $x == 7 ]] && y=$x
done
e=$EPOCHREALTIME; echo $(( (${e/./} - ${s/./}) / 1000 ))
SCRIPT
  chmod 644 "$W/scripts/"*
  if section scripts; then
    log "scripts: $SCRIPT_RUNS runs of each over ${GW_HOSTS[*]} ..."
    if [[ $WARMUP == 1 ]]; then
      # one discarded run of each on every host: the warm-up above never reported a command, and the gateway's
      # JIT is still compiling the reporting and audit path during the first thousands of reports
      for h in "${GW_HOSTS[@]}"; do
        "${SSH[@]}" "$h" "bash $W/scripts/external.sh; bash $W/scripts/builtins.sh" > /dev/null || die "script warm-up via $h failed"
      done
    fi
    for _ in $(seq "$SCRIPT_RUNS"); do
      for h in "${GW_HOSTS[@]}"; do
        EXT_ALL[$h]+="$("${SSH[@]}" "$h" "bash $W/scripts/external.sh") " || die "external-command script via $h failed"
        LOOP_ALL[$h]+="$("${SSH[@]}" "$h" "bash $W/scripts/builtins.sh") " || die "builtin loop via $h failed"
      done
    done
    for h in "${GW_HOSTS[@]}"; do
      EXT[$h]=$(median <<< "${EXT_ALL[$h]}") LOOP[$h]=$(median <<< "${LOOP_ALL[$h]}")
    done
  fi
fi

# --- program starts: the exec guard alone, then every layer in each tier ----------------------------------
# A session directory as the installer leaves it (guard.so), with the policy file the guard keeps (the
# everyday rule set above: names, and the identity of their files); no gateway is needed, since no start of
# /bin/true concerns a rule. The policy file is renewed before each batch, as a live session renews it.
START_PLAIN=- START_GUARD=-
START_PLAIN_ALL= START_GUARD_ALL=
declare -A SESSION SESSION_ALL GUARD_ARMED  # gateway host -> in-session p50, its batches; hooked host -> guard preloaded?
if section starts; then
  log "exec guard: $STARTS starts of /bin/true without and with the guard ..."
  mkdir -p "$W/starts/session" && chmod 700 "$W/starts/session"
  sh "$ROOT/scripts/target/build.sh" "$W/starts" 2>/dev/null || die "the exec guard could not be built (gcc?)"
  cp "$W/starts/shellguard-guard-$(uname -m).so" "$W/starts/session/guard.so"
  guard_policy() {
    {
      printf 'shellguard-guard 1\nversion 1\nmode allow\nlines 0\n'
      for n in shutdown reboot mkfs dd sudo; do printf 'name %s\n' "$n"; done
      for n in shutdown reboot mkfs dd sudo; do
        p=$(command -v "$n") || continue
        printf 'file %s %s %s\n' "$n" "$(stat -L -c '%d %i %s' "$p")" "$(sha256sum < "$p" | cut -d' ' -f1)"
      done
      echo end
    } > "$W/starts/session/guard.policy"
  }
  gcc -O2 -o "$W/starts/loop" "$ROOT/scripts/bench/start-loop.c" || die "cannot build the start loop"
  start_figure() { # p50|mean command... -> that figure, microseconds per start, of the start loop the command runs
    local out p50 mean
    out=$("${@:2}") || return 1
    read -r p50 mean _ <<< "$out"
    if [[ $1 == p50 ]]; then echo "$p50"; else echo "$mean"; fi
  }
  for _ in $(seq $(( (STARTS + 499) / 500 ))); do
    START_PLAIN_ALL+="$(start_figure mean "$W/starts/loop" 500) " || die "the start loop failed"
    guard_policy
    START_GUARD_ALL+="$(LD_PRELOAD="$W/starts/session/guard.so" start_figure mean "$W/starts/loop" 500) " || die "the start loop failed with the guard"
  done
  START_PLAIN=$(median <<< "$START_PLAIN_ALL") START_GUARD=$(median <<< "$START_GUARD_ALL")
  if [[ $SKIP_GATEWAY != 1 ]]; then
    for h in shellguard shellguard-priv; do
      GUARD_ARMED[$h]=$("${SSH[@]}" "$h" 'case ${LD_PRELOAD-} in *guard.so*) echo yes ;; *) echo NO ;; esac' 2>/dev/null || echo "could not tell")
    done
    # the same loop inside sessions: in both tiers the supervisor stops, judges and reports each of its starts
    # (by a program, not a hooked shell) and the guard decides it in the process; unhooked, nothing does
    log "program starts: $STARTS starts of /bin/true by a program inside sessions over ${GW_HOSTS[*]} ..."
    for _ in $(seq $(( (STARTS + 499) / 500 ))); do
      for h in "${GW_HOSTS[@]}"; do
        SESSION_ALL[$h]+="$(start_figure p50 "${SSH[@]}" "$h" "$W/starts/loop 500") " || die "the start loop failed via $h"
      done
    done
    for h in "${GW_HOSTS[@]}"; do SESSION[$h]=$(median <<< "${SESSION_ALL[$h]}"); done
  fi
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report -----------------------------------------------------------------------------------------------
v() { # array-name path -> value, or "-" for a path not measured
  local -n arr=$1
  echo "${arr[$2]:--}"
}
ratio() { [[ $1 == - || $2 == - ]] && echo - || awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
diff_ms() { [[ $1 == - || $2 == - ]] && echo - || awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.2f ms", a - b}'; }
us_diff() { [[ $1 == - || $2 == - ]] && echo - || awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.3f ms", (a - b) / 1000}'; }
met() { [[ $2 == - || $3 == - ]] && echo - || awk -v a="$2" -v b="$3" "BEGIN {print ($1) ? \"yes\" : \"NO\"}"; }
row() { printf '| %-30s | %10s | %10s | %10s | %20s | %-19s | %-4s |\n' "$@"; }

echo
echo "ShellGuard benchmark: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), $(ssh -V 2>&1 | cut -d, -f1)"
echo "connect runs $RUNS, bulk $BULK_RUNS x $BYTES, echo samples $SAMPLES, warm-up $([[ $WARMUP == 1 ]] && echo "$WARMUP_BYTES/$WARMUP_SAMPLES keystrokes/$WARMUP_CONNECTS connects per path" || echo off)"
echo "load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
if section bulk && ((BULK_RUNS > 1)); then
  for h in "${PATHS[@]}"; do printf 'bulk runs via %-11s %s MB/s up, %s MB/s down\n' "$h:" "${BULK_ALL[$h]% }" "${DOWN_ALL[$h]% }"; done
fi
for h in "${PATHS[@]}"; do
  printf 'negotiated by the client via %-11s key exchange %-22s  cipher %s\n' "$h:" "${KEX[$h]}" "${CIPHER[$h]}"
done
echo
row metric direct proxyjump shellguard "shellguard/proxyjump" target "met?"
row "------------------------------" "----------" "----------" "----------" "--------------------" "-------------------" "----"
row "connect + true + close, p50 ms" "$(v CONNECT_P50 direct)" "$(v CONNECT_P50 proxyjump)" "$(v CONNECT_P50 shellguard)" \
  "$(ratio "$(v CONNECT_P50 shellguard)" "$(v CONNECT_P50 proxyjump)")" "<= 1.2x" \
  "$(met 'a <= 1.2 * b' "$(v CONNECT_P50 shellguard)" "$(v CONNECT_P50 proxyjump)")"
row "connect + true + close, p90 ms" "$(v CONNECT_P90 direct)" "$(v CONNECT_P90 proxyjump)" "$(v CONNECT_P90 shellguard)" \
  "$(ratio "$(v CONNECT_P90 shellguard)" "$(v CONNECT_P90 proxyjump)")" "" ""
row "bulk upload $BYTES, MB/s" "$(v BULK direct)" "$(v BULK proxyjump)" "$(v BULK shellguard)" \
  "$(ratio "$(v BULK shellguard)" "$(v BULK proxyjump)")" ">= 1.0x" \
  "$(met 'a >= b' "$(v BULK shellguard)" "$(v BULK proxyjump)")"
row "bulk download $BYTES text, MB/s" "$(v DOWN direct)" "$(v DOWN proxyjump)" "$(v DOWN shellguard)" \
  "$(ratio "$(v DOWN shellguard)" "$(v DOWN proxyjump)")" "" ""
row "keystroke echo p50, ms" "$(v ECHO50 direct)" "$(v ECHO50 proxyjump)" "$(v ECHO50 shellguard)" \
  "$(ratio "$(v ECHO50 shellguard)" "$(v ECHO50 proxyjump)")" "" ""
row "keystroke echo p99, ms" "$(v ECHO99 direct)" "$(v ECHO99 proxyjump)" "$(v ECHO99 shellguard)" \
  "$(diff_ms "$(v ECHO99 shellguard)" "$(v ECHO99 proxyjump)")" \
  "<= proxyjump + 1 ms" "$(met 'a <= b + 1' "$(v ECHO99 shellguard)" "$(v ECHO99 proxyjump)")"
if [[ $SKIP_GATEWAY != 1 ]]; then
  echo
  # each figure: the unhooked gateway's, then a row per tier with its own difference from it and whether it met the target
  crow() { printf '| %-34s | %8s | %12s | %-12s | %13s | %12s | %-10s | %-4s |\n' "$@"; }
  tier_rows() { # label direct array compare(diff_ms|ratio|us_diff) target condition(a: the tier's figure, b: off's)
    local off tier h
    off=$(v "$3" shellguard-off)
    for h in shellguard shellguard-priv; do
      tier=$(v "$3" "$h")
      if [[ $h == shellguard ]]; then
        crow "$1" "$2" "$off" "${TIER[$h]}" "$tier" "$("$4" "$tier" "$off")" "$5" "$(met "$6" "$tier" "$off")"
      else
        crow "" "" "" "${TIER[$h]}" "$tier" "$("$4" "$tier" "$off")" "$5" "$(met "$6" "$tier" "$off")"
      fi
    done
  }
  crow "command control, every layer" direct "gateway, off" tier "gateway, tier" "tier vs off" target "met?"
  crow "----------------------------------" "--------" "------------" "------------" "-------------" "------------" "----------" "----"
  tier_rows "typed command, p50 ms" "$(v CMD50 direct)" CMD50 diff_ms "<= +1 ms" 'a <= b + 1'
  tier_rows "typed command, p99 ms" "$(v CMD99 direct)" CMD99 diff_ms "<= +5 ms" 'a <= b + 5'
  tier_rows "2,000 external commands, ms" - EXT ratio "<= 1.6x" 'a <= 1.6 * b'
  tier_rows "20,000 builtin loop iterations, ms" - LOOP ratio "<= 10x" 'a <= 10 * b'
  tier_rows "program start in a session, p50 us" - SESSION us_diff "<= +0.3 ms" 'a <= b + 300'
  if section scripts && ((SCRIPT_RUNS > 1)); then
    for h in "${GW_HOSTS[@]}"; do
      printf 'script runs via %-16s external %s ms; builtins %s ms\n' "$h:" "${EXT_ALL[$h]% }" "${LOOP_ALL[$h]% }"
    done
  fi
  if section starts; then
    line="program starts in sessions (p50 us per start, each batch):" sep=" "
    for h in "${GW_HOSTS[@]}"; do line+="$sep$h ${SESSION_ALL[$h]% }" sep="; "; done
    echo "$line"
  fi
  for h in shellguard shellguard-priv; do
    [[ -n ${LAYERS[$h]:-} ]] || continue
    line="${TIER[$h]} tier ($h, server ${SERVER[$h]}): layers of an exec request ${LAYERS[$h]}"
    [[ -z ${TYPED_LAYERS[$h]:-} ]] || line+="; of the typed-command session ${TYPED_LAYERS[$h]}"
    [[ -z ${GUARD_ARMED[$h]:-} ]] || line+="; exec guard preloaded into a session's programs: ${GUARD_ARMED[$h]}"
    echo "$line"
  done
fi
echo
printf '| %-36s | %12s | %12s | %14s | %-12s | %-4s |\n' "exec guard alone (this machine)" "without" "with guard" "difference" target "met?"
printf '| %-36s | %12s | %12s | %14s | %-12s | %-4s |\n' "------------------------------------" "------------" "------------" "--------------" "------------" "----"
printf '| %-36s | %12s | %12s | %14s | %-12s | %-4s |\n' "program start (fork+exec), mean us" "$START_PLAIN" "$START_GUARD" \
  "$(us_diff "$START_GUARD" "$START_PLAIN")" "<= +0.2 ms" "$(met 'a <= b + 200' "$START_GUARD" "$START_PLAIN")"
echo "start batches (mean us per start): without ${START_PLAIN_ALL% }; with ${START_GUARD_ALL% }"
echo
echo "MB/s = MiB per second, connection included. Figures depend on this machine and its load; compare ratios"
echo "within one run. The targets are goals to read off the table, not a pass/fail of this script."
if [[ ${BENCH_KEEP:-0} == 1 ]]; then
  echo "bench: kept running until interrupted; client configuration $W/ssh_config (hosts ${PATHS[*]}${SSH_PORT:+ shellguard-off shellguard-priv})," \
    "scripts in $W/scripts${HTTP_PORT:+, API http://127.0.0.1:$HTTP_PORT/api/v1 as admin:$ADMIN_PW}" >&2
  while :; do sleep 3600; done
fi
