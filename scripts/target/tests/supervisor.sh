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
# the login the startup file watch tests plant keys for: one made for them, with its home in $tmp, so that they
# neither change sgtarget's home nor meet what other tests do there meanwhile
watcher=sgw$$
useradd -M -N -d "$tmp/home" -s /bin/bash "$watcher" || { echo "test-supervisor: cannot make the login $watcher" >&2; exit 2; }
mkdir -m 0755 "$tmp/home" && mkdir -m 0700 "$tmp/ww" && chown "$watcher" "$tmp/home" "$tmp/ww"
gw_pid=
dirs=()
cleanup() {
  [[ -n $gw_pid ]] && kill "$gw_pid" 2>/dev/null
  userdel -f "$watcher" 2>/dev/null
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
# a program the login may run but not read (the kernel makes its process non-dumpable)
cp /bin/echo "$tmp/xonly" && chmod 0111 "$tmp/xonly"

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
      "$(sed "s/'/'\\\\''/g" "$here/install/start")" "$(sed "s/'/'\\\\''/g" <<<"$command")" "$arch" "$(base64 -w0 "$supervisor")"
    [[ $with == *guard* ]] && printf " guard %s '%s'" "$arch" "$(base64 -w0 "$tmp/native/shellguard-guard-$arch.so")"
    printf '\n'
    cat "$here/install/install.sh"
  } > "$tmp/installer"
}

# run_session AS COMMAND [BETWEEN]: installs and runs one session of the login $login whose command is COMMAND, in
# the same-account tier (AS empty) or in the privileged tier for the login AS; $work is the login's TMPDIR; BETWEEN
# runs as the login after the installer's start check and before the session (a process of the login's that waited
# for the check); the gateway's log is $tmp/gw.log, the output $out
work=$tmp/w
run_session() {
  local as=$1
  install "$as" "$2"
  if [[ -n $as ]]; then status=$(TMPDIR=$tmp SHELL=/bin/bash /bin/sh -s < "$tmp/installer")
  else status=$(su -s /bin/sh "$login" -c "TMPDIR=$work XDG_RUNTIME_DIR= SHELL=/bin/bash /bin/sh -s" < "$tmp/installer"); fi
  dir=$(sed -n 's/^SHELLGUARD-HOOK ok \([^ ]*\) .*/\1/p' <<<"$status") && dirs+=("$dir")
  [[ -n ${3-} ]] && as_login "$3"
  : > "$tmp/gw.log"
  if [[ -n $as ]]; then out=$(cd / && /bin/sh "$dir-supervisor/start" exec bash /bin/bash 2>&1)
  else out=$(su -s /bin/sh "$login" -c "cd $tmp && /bin/sh $dir/start exec bash /bin/bash" 2>&1); fi
  [[ ${SG_DEBUG-} ]] && { cat "$tmp/gw.log"; echo "$out"; }
}
as_login() { su -s /bin/sh "$login" -c "cd && $1"; }
# told FILE WHAT: the supervisor reported that FILE (relative to home) changed as WHAT (a regular expression)
told() { grep -qP "^A\tstartup\t~/$1 ($2)" "$tmp/gw.log"; }
# what the watch tests make in $watcher's home, removed after each
drop_ssh() { rm -rf "$tmp/home/.ssh" "$tmp/home"/.sg-*; }

# planted LABEL [AS]: a session that reads one watched startup file and adds, then removes, a key file sshd reads
# (~/.ssh/authorized_keys2: the key it would take for an unwatched `ssh localhost`); the supervisor reports the
# key file while it exists, the read nothing
planted() {
  local login=$watcher work=$tmp/ww
  run_session "${2:+$watcher}" 'cat ~/.profile >/dev/null 2>&1; mkdir -p ~/.ssh; echo "# planted" >> ~/.ssh/authorized_keys2; sleep 0.5; rm -f ~/.ssh/authorized_keys2; sleep 0.5'
  check "$1: a key file planted and removed within the session is reported, a read startup file is not" \
    'told .ssh/authorized_keys2 "created|written" && told .ssh/authorized_keys2 removed && ! grep -q "~/.profile" "$tmp/gw.log"'
  drop_ssh
}

# ways_around LABEL [AS]: what a login can prepare beforehand (an earlier session, or a process of its own, leaves it)
# so that the watch would miss a key planted in the session: each is still reported. Their ~/.ssh is made for them.
ways_around() {
  local login=$watcher work=$tmp/ww home=$tmp/home as=${2:+$watcher}
  as_login 'mkdir .sg-keys && ln -s .sg-keys .ssh'
  run_session "$as" 'echo "# planted" > ~/.sg-keys/authorized_keys2; sleep 0.5; rm ~/.sg-keys/authorized_keys2; sleep 0.5'
  check "$1: a key planted in the directory a ~/.ssh link leads to is reported" \
    'told .ssh/authorized_keys2 created && told .ssh/authorized_keys2 removed'
  drop_ssh
  # a dangling link reads as an absent file to the start check; creating its target plants the key
  as_login "mkdir .ssh && ln -s $work/sg-key .ssh/authorized_keys2"
  run_session "$as" "echo '# planted' > $work/sg-key; sleep 0.5; rm $work/sg-key; sleep 0.5"
  check "$1: a key planted as the target of a dangling ~/.ssh/authorized_keys2 link is reported" \
    'told .ssh/authorized_keys2 created && told .ssh/authorized_keys2 removed'
  drop_ssh
  as_login 'mkdir .ssh && : > .sg-key && ln -s ../.sg-key .ssh/authorized_keys2'
  run_session "$as" 'echo "# planted" >> ~/.sg-key; sleep 0.5'
  check "$1: a key written into the file a ~/.ssh/authorized_keys2 link leads to, by that file's own name, is reported" \
    'told .ssh/authorized_keys2 written'
  drop_ssh
  # sshd only searches ~/.ssh: one the login may search and write but not read still serves it keys
  as_login 'mkdir .ssh && chmod 0300 .ssh'
  run_session "$as" 'echo "# planted" > ~/.ssh/authorized_keys2; sleep 0.5; rm ~/.ssh/authorized_keys2; sleep 0.5'
  check "$1: a key planted in a ~/.ssh the login made unreadable is reported (or that it cannot be watched)" \
    'told .ssh/authorized_keys2 "created|cannot be watched"'
  drop_ssh
  # a ~/.ssh link whose target, with the rest of the name, is longer than the watch follows, though the kernel does
  local long
  long=$(printf './%.0s' {1..2040})
  as_login "mkdir .sg-keys && ln -s '$long.sg-keys' .ssh"
  run_session "$as" 'echo "# planted" > ~/.ssh/authorized_keys2; sleep 0.5; rm ~/.ssh/authorized_keys2; sleep 0.5'
  check "$1: a ~/.ssh link longer than the watch follows is reported as not watched" \
    'told .ssh/authorized_keys2 "cannot be watched .its name leads through a link longer"'
  drop_ssh
  # a job that waits for the shell's end and writes a key at once, when nothing of the session is left to remove it
  # (a direct login with it can): reported, or never written
  as_login 'mkdir .ssh'
  run_session "$as" '( while kill -0 $$ 2>/dev/null; do :; done; echo "# planted" > ~/.ssh/authorized_keys2 ) & sleep 0.3'
  check "$1: a key a background job writes as the session's shell ends is reported (or was not written)" \
    '[[ ! -e $home/.ssh/authorized_keys2 ]] || told .ssh/authorized_keys2 created'
  [[ -e $home/.ssh/authorized_keys2 ]] || echo "test-supervisor: $1: the job that waited for the shell's end was killed before it wrote" >&2
  drop_ssh
  # a write through a shared memory mapping is no inotify event; the file's close is, when its mapping's last holder
  # is gone: a holder still running at the session's end is ended before the watch's last read
  as_login 'mkdir .ssh && echo "# a key" > .ssh/authorized_keys2'
  run_session "$as" "python3 -c 'import mmap, os, time
f = os.open(os.path.expanduser(\"~/.ssh/authorized_keys2\"), os.O_RDWR); m = mmap.mmap(f, 0); os.close(f)
m[2:3] = b\"A\"; m[2:3] = b\"a\"; print(\"mapped\", flush=True); time.sleep(30)' & sleep 1"
  check "$1: a key file written through a memory mapping held to the session's end is reported" \
    '[[ $out == *mapped* ]] && told .ssh/authorized_keys2 written'
  drop_ssh
  # a write through a hard link made beforehand, then a file renamed over the key file
  as_login 'mkdir .ssh && echo "# a key" > .ssh/authorized_keys2 && ln .ssh/authorized_keys2 .sg-key'
  run_session "$as" 'echo "# planted" >> ~/.sg-key; sleep 0.5; echo "# planted" > ~/.ssh/new; mv ~/.ssh/new ~/.ssh/authorized_keys2; sleep 0.5'
  check "$1: a key written through a hard link, and a key file renamed over the watched one, are reported" \
    'told .ssh/authorized_keys2 written && told .ssh/authorized_keys2 "replaced by a rename"'
  drop_ssh
  if [[ -z $as ]]; then
    # the supervisor stopped by the login (the gateway ends the session after 20 s without its heartbeat) while more
    # events than the kernel queues (fs.inotify.max_queued_events) happen: the overflow is reported for every file
    local events=$(( $(cat /proc/sys/fs/inotify/max_queued_events) + 100 ))
    run_session "" "kill -STOP \$PPID; for ((i = 0; i < $events; i++)); do : > ~/.sg-f\$i; done; kill -CONT \$PPID; sleep 0.5"
    check "$1: an overflow of the watch's event queue is reported" \
      'told .ssh/authorized_keys2 "possibly changed .the kernel.s event queue overflowed."'
    drop_ssh
  fi
  # a key planted after the installer's start check and before the watch began
  as_login 'mkdir .ssh'
  run_session "$as" 'sleep 0.5' 'echo "# planted" > .ssh/authorized_keys2'
  check "$1: a key planted between the start check and the watch is reported" \
    'told .ssh/authorized_keys2 "created between the session.s start check and the watch"'
  drop_ssh
}

# long_argv LABEL REFUSED [AS]: with a line rule at the stand-in (a start whose command text holds sg-forbidden-word is
# refused), a start with 108 KB of padding arguments before the word is asked about with its whole text (the supervisor
# once sent 64 KiB of it, without a word that it had cut) and refused with status REFUSED; one with more arguments than
# the longest message holds is sent with the text that fits, marked with the whole argv's counts, within the limit
long_argv() {
  local as=${3-} refused=$2
  echo sg-forbidden-word > "$tmp/line-word"
  run_session "$as" 'set -- $(seq 1 20000); /bin/echo "$@" sg-forbidden-word; echo padded=$?; set -- $(printf "pad%060d " $(seq 1 20000)); /bin/echo "$@"; echo cut=$?'
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
session="$tmux_round $tmp/forbidden; echo static=\$?; $tmp/raw $tmp/forbidden; echo raw=\$?; $tmp/memfd /bin/true; echo memfd=\$?; sudo -n true; echo sudo=\$?; $tmp/xonly XONLY-RAN; echo xonly=\$?; $tmp/untraced $tmp/forbidden"
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
check "a program the login may run but not read, which the supervisor cannot look into, is refused with a clear word" \
  '! grep -qx XONLY-RAN <<<"$out" && [[ $out == *"xonly=137"* && $out == *"the supervisor cannot look into this program"* ]]'
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
ways_around same-account
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
planted privileged as-login
ways_around privileged as-login
long_argv privileged 126 "$login"

finish test-supervisor
