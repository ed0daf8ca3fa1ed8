#!/usr/bin/env bash
# Tests the supervisor (supervisor/shellguard-supervisor.c) on this machine against a stand-in gateway, in both
# tiers, as the real installer and start script put it in place:
# - same-account (run as the login sgtarget): a statically linked program a rule names is refused before it
#   runs, a raw execve system call and a memfd run through execveat are seen and judged, every start is
#   reported with path, argv, cwd, uid and parent, sudo is refused with a clear word and an alert (an
#   unprivileged tracer cannot let it gain privilege), killing the supervisor kills the session, no process of
#   the session may trace another (ptrace fails, and on x86_64 the supervisor says why, as gdb and strace do not);
#   the exec guard beside it leaves a start the supervisor traces to the supervisor's report, and reports it
#   itself in a session without the supervisor (whatever the client's environment claims);
# - privileged (installer and start as root with sg_as_login=sgtarget): the shell runs as sgtarget with its
#   groups and environment, `sudo -n true` works under the root tracer and what sudo starts is seen (uid 0),
#   static and raw starts are refused at the exec call's entry (EACCES, the program never loaded), and the login
#   can neither signal nor trace the supervisor;
# - in both tiers, with a line rule: a start with more than 64 KiB of arguments is judged on its whole command text (a
#   forbidden word after the padding is refused), and one past the protocol's longest message is sent cut and marked.
# Needs root (to become sgtarget and to run the privileged tier), gcc with a static C library, python3, java (for
# build.sh), sudo with scripts/test.sh's sudoers entry for sgtarget. Exits non-zero when any check fails.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
login=sgtarget
if [[ $(id -u) != 0 ]] || ! id "$login" >/dev/null 2>&1; then
  echo "test-supervisor: needs root and the login $login (scripts/test.sh makes it); skipped" >&2
  exit 0
fi
for tool in gcc python3 java sudo; do
  command -v "$tool" >/dev/null || { echo "test-supervisor: $tool is needed" >&2; exit 2; }
done

tmp=$(mktemp -d /tmp/sg-supervisor-test.XXXXXX)
chmod 0755 "$tmp"
mkdir -m 0700 "$tmp/w" && chown "$login" "$tmp/w"   # the login's own place: its TMPDIR here
gw_pid=
dirs=()
cleanup() {
  [[ -n $gw_pid ]] && kill "$gw_pid" 2>/dev/null
  for d in "${dirs[@]}"; do rm -rf "$d" "$d-supervisor"; done
  if [[ ${SG_KEEP-} ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

. "$here/tests/lib/checks.sh"

sh "$here/build.sh" "$tmp/native" 2>/dev/null
arch=$(uname -m)
supervisor=$tmp/native/shellguard-supervisor-$arch
[[ -x $supervisor ]] || { echo "test-supervisor: build.sh made no supervisor for $arch" >&2; exit 1; }

# --- the stand-in gateway: policy names `forbidden`; a Q naming it is refused, any other allowed --------------
python3 "$here/tests/stand-in-gateway.py" "$tmp" & gw_pid=$!
for _ in $(seq 50); do [[ -s $tmp/PORT ]] && break; sleep 0.1; done
port=$(cat "$tmp/PORT")

# the programs a user would bring: a static binary, one that makes the execve system call itself, one that runs
# a file from memory
printf '#include <stdio.h>\nint main(void){puts("FORBIDDEN-RAN");return 0;}\n' > "$tmp/forbidden.c"
gcc -static -o "$tmp/forbidden" "$tmp/forbidden.c"
cat > "$tmp/raw.c" <<'EOF'
#include <unistd.h>
#include <sys/syscall.h>
int main(int c, char **v) { char *a[] = {v[1], 0}, *e[] = {0}; syscall(SYS_execve, v[1], a, e); return 99; }
EOF
gcc -static -o "$tmp/raw" "$tmp/raw.c"
cat > "$tmp/memfd.c" <<'EOF'
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(int c, char **v) {
  int fd = memfd_create("sgmem", 0), in = open(v[1], O_RDONLY); char b[65536]; ssize_t n;
  while ((n = read(in, b, sizeof b)) > 0) if (write(fd, b, n) != n) return 97;
  char *a[] = {"from-memory", 0}, *e[] = {0};
  syscall(SYS_execveat, fd, "", a, e, AT_EMPTY_PATH); return 98;
}
EOF
gcc -o "$tmp/memfd" "$tmp/memfd.c"
# a child the kernel would not attach to the supervisor (CLONE_UNTRACED), and a tracer of the session's own
cat > "$tmp/untraced.c" <<'EOF'
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
    long pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) {
        execv(argv[1], argv + 1);
        _exit(127);
    }
    if (pid < 0) printf("untraced-clone=%s\n", strerror(errno)); else waitpid((pid_t)pid, 0, 0);
    printf("ptrace=%s\n", ptrace(PTRACE_TRACEME, 0, 0, 0) == 0 ? "ok" : strerror(errno));
    return 0;
}
EOF
gcc -o "$tmp/untraced" "$tmp/untraced.c"
chmod 0755 "$tmp"/forbidden "$tmp"/raw "$tmp"/memfd "$tmp"/untraced

# install LOGIN COMMAND [WITH]: writes the real installer (run as root for the privileged tier, with sg_as_login) with
# the start script, empty hook files and the supervisor; WITH `guard` adds the exec guard, `guard unsupervised`
# has the guard and no supervisor (sg_supervisor=off)
install() {
  local as=$1 command=$2 with=${3-}
  { printf 'sg_port=%s\nsg_key=%s\n' "$port" "k$RANDOM"
    [[ -n $as ]] && printf "sg_as_login='%s'\n" "$as"
    [[ $with == *unsupervised* ]] && printf 'sg_supervisor=off\n'
    printf "sg_startup='.profile .ssh/authorized_keys2'\n"
    printf "set -- file start '%s' file exec.bash '' file hook.bash '' file command '%s' supervisor %s '%s'" \
      "$(sed "s/'/'\\\\''/g" "$here/install/start")" "$command" "$arch" "$(base64 -w0 "$supervisor")"
    [[ $with == *guard* ]] && printf " guard %s '%s'" "$arch" "$(base64 -w0 "$tmp/native/shellguard-guard-$arch.so")"
    printf '\n'
    cat "$here/install/install.sh"
  } > "$tmp/installer"
}

# planted LABEL [AS]: a session that reads one watched startup file and adds, then removes, a key file sshd reads
# (~/.ssh/authorized_keys2: the key it would take for an unwatched `ssh localhost`); the supervisor reports the
# key file while it exists, the read nothing
planted() {
  local as=${2-}
  install "$as" 'cat ~/.profile >/dev/null 2>&1; mkdir -p ~/.ssh; echo "# planted" >> ~/.ssh/authorized_keys2; sleep 0.5; rm -f ~/.ssh/authorized_keys2; sleep 0.5'
  if [[ -n $as ]]; then status=$(TMPDIR=$tmp SHELL=/bin/bash /bin/sh -s < "$tmp/installer")
  else status=$(su -s /bin/sh "$login" -c "TMPDIR=$tmp/w XDG_RUNTIME_DIR= SHELL=/bin/bash /bin/sh -s" < "$tmp/installer"); fi
  dir=$(sed -n 's/^SHELLGUARD-HOOK ok \([^ ]*\) .*/\1/p' <<<"$status") && dirs+=("$dir")
  : > "$tmp/gw.log"
  if [[ -n $as ]]; then out=$(cd / && /bin/sh "$dir-supervisor/start" exec bash /bin/bash 2>&1)
  else out=$(su -s /bin/sh "$login" -c "cd $tmp && /bin/sh $dir/start exec bash /bin/bash" 2>&1); fi
  [[ ${SG_DEBUG-} ]] && { cat "$tmp/gw.log"; echo "$out"; }
  check "$1: a key file planted and removed within the session is reported, a read startup file is not" \
    'grep -qP "^A\tstartup\t~/.ssh/authorized_keys2 (created|written)" "$tmp/gw.log" && grep -qP "^A\tstartup\t~/.ssh/authorized_keys2 removed" "$tmp/gw.log" && ! grep -q "~/.profile" "$tmp/gw.log"'
}

# long_argv LABEL REFUSED [AS]: with a line rule at the stand-in (a start whose command text holds sg-forbidden-word is
# refused), a start with 108 KB of padding arguments before the word is asked about with its whole text (the supervisor
# once sent 64 KiB of it, without a word that it had cut) and refused with status REFUSED; one with more arguments than
# the longest message holds is sent with the text that fits, marked with the whole argv's counts, within the limit
long_argv() {
  local as=${3-} refused=$2
  echo sg-forbidden-word > "$tmp/line-word"
  install "$as" 'set -- $(seq 1 20000); /bin/echo "$@" sg-forbidden-word; echo padded=$?; set -- $(printf "pad%060d " $(seq 1 20000)); /bin/echo "$@"; echo cut=$?'
  if [[ -n $as ]]; then status=$(TMPDIR=$tmp SHELL=/bin/bash /bin/sh -s < "$tmp/installer")
  else status=$(su -s /bin/sh "$login" -c "TMPDIR=$tmp/w XDG_RUNTIME_DIR= SHELL=/bin/bash /bin/sh -s" < "$tmp/installer"); fi
  dir=$(sed -n 's/^SHELLGUARD-HOOK ok \([^ ]*\) .*/\1/p' <<<"$status") && dirs+=("$dir")
  : > "$tmp/gw.log"
  if [[ -n $as ]]; then out=$(cd / && /bin/sh "$dir-supervisor/start" exec bash /bin/bash 2>&1)
  else out=$(su -s /bin/sh "$login" -c "cd $tmp && /bin/sh $dir/start exec bash /bin/bash" 2>&1); fi
  rm -f "$tmp/line-word"
  local bytes asked='^Q\t\d+\.s\d+\t(?:[^\t]*\t){16}'
  bytes=$(printf '%s\0' /bin/echo $(printf "pad%060d " $(seq 1 20000)) | wc -c)
  check "$1: a forbidden word after 108 KB of padding is refused by the line rule" \
    '[[ $out == *"shellguard: blocked by policy \"no-line-word\""* && $out == *"padded=$refused"* && $out != *"19999 20000"* ]]'
  check "$1: the supervisor asked with the whole text, unmarked" \
    'q=$(grep -P "$asked/bin/echo 1 2 3 .* 19999 20000 sg-forbidden-word\t" "$tmp/gw.log") && (( ${#q} > 108000 )) && [[ $q != *"[cut by"* ]]'
  check "$1: a start past the longest message is refused while a line rule applies" \
    '[[ $out == *"shellguard: blocked by policy \"command-too-long\""* && $out == *"cut=$refused"* ]]'
  check "$1: its text keeps what fits and is marked with the whole argv's counts, within the limit" \
    'n=$(grep -P "$asked/bin/echo pad0+1 pad0+2 .* \[cut by the supervisor: 20001 arguments, $bytes bytes in all\]\t" "$tmp/gw.log" | wc -c) && (( n <= 1048576 && n > 1048576 - 80 ))'
}

# a tmux server started and left (it daemonizes: a double fork and setsid) whose only window's shell then exits,
# ending the server: the session's shell goes on (after-tmux=0: the server ran, and was gone when the shell looked)
tmux_round='tmux -L "sgsup$$" -f /dev/null new-session -d "sleep 0.3" && sleep 1.5 && ! tmux -L "sgsup$$" has-session 2>/dev/null; echo "after-tmux=$?";'
tmux_check='[[ $out == *"after-tmux=0"* ]]'

# --- same-account tier ----------------------------------------------------------------------------------------
echo "== same-account tier (as $login)"
session="$tmux_round $tmp/forbidden; echo static=\$?; $tmp/raw $tmp/forbidden; echo raw=\$?; $tmp/memfd /bin/true; echo memfd=\$?; sudo -n true; echo sudo=\$?; $tmp/untraced $tmp/forbidden"
install "" "$session"
status=$(su -s /bin/sh "$login" -c "TMPDIR=$tmp/w XDG_RUNTIME_DIR= SHELL=/bin/bash /bin/sh -s" < "$tmp/installer")
check "the installer reports the same-account supervisor" '[[ $status == *"SHELLGUARD-SUPERVISOR ok same-account"* ]]'
dir=$(sed -n 's/^SHELLGUARD-HOOK ok \([^ ]*\) .*/\1/p' <<<"$status") && dirs+=("$dir")
out=$(su -s /bin/sh "$login" -c "cd $tmp && /bin/sh $dir/start exec bash /bin/bash" 2>&1)
check "a static program a rule names never runs its first instruction" '[[ $out != *FORBIDDEN-RAN* && $out == *"static=137"* ]]'
check "the user is told which rule refused it" '[[ $out == *"shellguard: blocked by policy \"no-forbidden\""* ]]'
check "a raw execve system call is seen and refused" '[[ $out == *"raw=137"* ]] && (( $(grep -cP "^Q\t.*\t$tmp/forbidden\t$tmp/forbidden\t" "$tmp/gw.log") >= 2 ))'
check "a memfd run through execveat is seen" 'grep -q "^R.*/memfd:sgmem (deleted)" "$tmp/gw.log"'
uid=$(id -u "$login")
check "each start is reported with path, argv, cwd, uid and parent" 'grep -qP "^R\t\d+\.s\d+\t.*\tsupervisor\t.*\texecve\t$tmp\tfile\t$tmp/memfd\t$tmp/memfd\t$tmp/memfd\t.*\t$tmp/memfd /bin/true\t\t\t\d+ /usr/bin/bash\t$uid$" "$tmp/gw.log"'
check "sudo is refused with a clear word and an alert, not silently broken" '[[ $out == *"is a setuid or setgid program"* ]] && grep -q "^A	setuid	/usr/bin/sudo" "$tmp/gw.log"'
check "a tmux server that daemonizes and ends with its window's shell leaves the session running" "$tmux_check"
check "the supervisor said hello and goodbye" 'grep -q "^H.*supervisor/1	supervisor$" "$tmp/gw.log" && grep -q "^K	end	" "$tmp/gw.log"'
check "no child escapes the trace (CLONE_UNTRACED refused) and nothing in the session may trace" '[[ $out == *"untraced-clone=Operation not permitted"* && $out == *"ptrace=Operation not permitted"* && $out != *FORBIDDEN-RAN* ]]'
check "a ptrace call is told why it fails (x86_64)" '[[ $arch != x86_64 || $out == *"shellguard: ptrace (gdb, strace) cannot run in this session"* ]]'

# the exec guard beside the supervisor: env's start of echo (a program's start the guard decides alone, no hooked
# shell here) is reported by the supervisor, which traces the process, not again on a connection of the guard's
guard_reports() { grep -cP "^R\t\d+\.g\d+\t.*$1" "$tmp/gw.log"; }
install "" "/usr/bin/env echo sg-traced-start" guard
status=$(su -s /bin/sh "$login" -c "TMPDIR=$tmp/w XDG_RUNTIME_DIR= SHELL=/bin/bash /bin/sh -s" < "$tmp/installer")
dir=$(sed -n 's/^SHELLGUARD-HOOK ok \([^ ]*\) .*/\1/p' <<<"$status") && dirs+=("$dir")
out=$(su -s /bin/sh "$login" -c "cd $tmp && /bin/sh $dir/start exec bash /bin/bash" 2>&1)
check "the guard leaves a start the supervisor traces to the supervisor's report" '[[ $status == *"SHELLGUARD-GUARD ok"* && $out == sg-traced-start ]] && grep -qP "^R\t\d+\.s\d+\t.*\techo sg-traced-start\t" "$tmp/gw.log" && (( $(guard_reports sg-traced-start) == 0 ))'
# without the supervisor the guard reports such a start itself, whatever the client's environment claims
install "" "/usr/bin/env echo sg-untraced-start" "guard unsupervised"
status=$(su -s /bin/sh "$login" -c "TMPDIR=$tmp/w XDG_RUNTIME_DIR= SHELL=/bin/bash /bin/sh -s" < "$tmp/installer")
dir=$(sed -n 's/^SHELLGUARD-HOOK ok \([^ ]*\) .*/\1/p' <<<"$status") && dirs+=("$dir")
out=$(su -s /bin/sh "$login" -c "cd $tmp && __SG_SUPERVISOR=1 /bin/sh $dir/start exec bash /bin/bash" 2>&1)
check "without the supervisor the guard reports the start itself" '[[ $status == *"SHELLGUARD-SUPERVISOR off"* && $out == sg-untraced-start ]] && (( $(guard_reports sg-untraced-start) >= 1 ))'

install "" "sleep 30 & echo \$! > $tmp/w/bg; kill -9 \$PPID; sleep 5; echo survived"
status=$(su -s /bin/sh "$login" -c "TMPDIR=$tmp/w XDG_RUNTIME_DIR= SHELL=/bin/bash /bin/sh -s" < "$tmp/installer")
dir=$(sed -n 's/^SHELLGUARD-HOOK ok \([^ ]*\) .*/\1/p' <<<"$status") && dirs+=("$dir")
: > "$tmp/gw.log"
out=$(su -s /bin/sh "$login" -c "cd $tmp && /bin/sh $dir/start exec bash /bin/bash" 2>&1)
sleep 0.3   # a killed process may stay a zombie until its new parent reaps it: dead all the same
check "killing the supervisor kills the whole session (EXITKILL) and says no goodbye" '[[ $out != *survived* ]] && [[ -s $tmp/w/bg ]] && ! ps -o stat= -p "$(cat "$tmp/w/bg")" | grep -qv Z && ! grep -q "^K	end" "$tmp/gw.log"'

planted same-account
long_argv same-account 137

# --- privileged tier ------------------------------------------------------------------------------------------
echo "== privileged tier (root for $login)"
: > "$tmp/gw.log"
session="$tmux_round"'id -u; id -G; echo "home=$HOME user=$USER"; sudo -n true; echo sudo=$?; sudo -n id -u; '"$tmp"'/forbidden; echo static=$?; '"$tmp"'/raw '"$tmp"'/forbidden; echo raw=$?; '"$tmp"'/untraced '"$tmp"'/forbidden; grep ^Uid: /proc/$PPID/status; kill -9 $PPID; echo kill=$?'
install "$login" "$session"
status=$(TMPDIR=$tmp SHELL=/bin/bash /bin/sh -s < "$tmp/installer")
check "the installer reports the privileged supervisor" '[[ $status == *"SHELLGUARD-SUPERVISOR ok privileged"* ]]'
dir=$(sed -n 's/^SHELLGUARD-HOOK ok \([^ ]*\) .*/\1/p' <<<"$status") && dirs+=("$dir")
check "the session's directory is the login's, the supervisor's root's alone" '[[ $(stat -c %U "$dir") == "$login" && $(stat -c "%U %a" "$dir-supervisor") == "root 700" ]]'
out=$(cd / && /bin/sh "$dir-supervisor/start" exec bash /bin/bash 2>&1)
check "the shell runs as the login with its groups and environment" 'grep -qx "$(id -u "$login")" <<<"$out" && grep -qx "$(id -G "$login")" <<<"$out" && [[ $out == *"home=$(getent passwd "$login" | cut -d: -f6) user=$login"* ]]'
check "a tmux server that daemonizes and ends with its window's shell leaves the session running (root tracer)" "$tmux_check"
check "sudo -n true works under the root tracer" '[[ $out == *"sudo=0"* ]] && grep -qx 0 <<<"$out"'
check "what sudo starts is seen, as root" 'grep -qP "^R\t.*\t/usr/bin/id\t.*\t\d+ /usr/bin/sudo\t0$" "$tmp/gw.log"'
check "static and raw starts are refused at the exec call's entry, with EACCES, and asked once" '[[ $out != *FORBIDDEN-RAN* && $out == *"static=126"* && $out == *"raw=99"* ]] && (( $(grep -cP "^Q\t.*\t$tmp/forbidden\t$tmp/forbidden\t" "$tmp/gw.log") == 2 ))'
check "the supervisor is root's, and the login cannot signal it" '[[ $out == *"Uid:	0	0	0	0"* && $out == *"kill=1"* ]]'
check "no child escapes the root tracer either (CLONE_UNTRACED, ptrace refused)" '[[ $out == *"untraced-clone=Operation not permitted"* && $out == *"ptrace=Operation not permitted"* && $out != *FORBIDDEN-RAN* ]]'
check "a ptrace call under the root tracer is told why it fails (x86_64)" '[[ $arch != x86_64 || $out == *"shellguard: ptrace (gdb, strace) cannot run in this session"* ]]'
planted privileged "$login"
long_argv privileged 126 "$login"

finish test-supervisor
