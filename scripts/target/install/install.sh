# ShellGuard: the hook installer, which puts one session's hook in place on the target before the user's
# channel opens. The gateway (HookInstaller) runs it as `exec /bin/sh -s`, with this file on the channel's input
# after the session's parameters, all in one round trip; everything travels on the input, so the secret never
# appears on a command line (where ps and process accounting would show it).
#
# Steps, in this order:
# - removes the directories earlier sessions of this account left behind once their shell is gone (a dropped
#   connection): one whose shell.pid names no live process, or, without shell.pid, older than two minutes;
# - creates the session's private directory (mode 0700) in the first writable of $XDG_RUNTIME_DIR, $TMPDIR,
#   /tmp, /var/tmp and $HOME, and writes the session file (port and key), then the hook's files into it;
# - writes the exec guard (guard.so) for this machine's architecture and C library (glibc, or musl when /bin/true's
#   loader is musl's) and keeps it only when a program here
#   starts with it and prints its ready line (not so for static programs, another architecture or a noexec
#   directory);
# - picks the shell: zsh for a zsh login shell (with the zsh/net/tcp and zsh/system modules), bash for bash or a
#   POSIX login shell, checking that bash is 4.4 or later and reaches the forwarded port through /dev/tcp;
# - writes the bash hook's lane (lane.so) for this machine's architecture and keeps it only when a bash 5 here
#   loads it (it reaches into bash's own data, so a bash it does not fit must never see it: the lane itself
#   refuses a bash of another version than its headers', and its reason goes into the status line);
# - writes the supervisor (a static program, the session's ptrace tracer) for this machine's architecture into
#   the supervisor's directory, DIR-supervisor beside the session's, with its own copy of the session file and
#   of `start`, and keeps it only when its probe can trace here (`--probe`: ptrace refused by Yama 3 or a
#   container without CAP_SYS_PTRACE fails); with sg_supervisor=off (a label switched it off, same-account tier
#   only) it writes none and says so, and `start` runs the shell untraced.
#
# Two tiers. Same-account (sg_as_login empty or unset): this runs as the login, both directories are the login's.
# Privileged (sg_as_login='NAME'): this runs as root for the login NAME; the supervisor's directory is root's
# (mode 0700: the login can neither read the supervisor's key and policy nor replace its files), the session's
# directory is handed to NAME, and the login's uid, gid, groups, home and shell go into the supervisor's `login`
# file as numbers (the static supervisor cannot look names up). Without a working supervisor the privileged tier
# cannot start a session at all: nothing would drop root for the login.
#
# Inputs, set before this text:
#   sg_port  the loopback port sshd forwards to the gateway, which the hooks report to
#   sg_key   the session's secret, written to the session file
#   sg_supervisor  `off`: the session runs without the supervisor (refused in the privileged tier); else on
#   sg_startup  the login's startup and key files to hash first, relative to its home, separated by spaces (no
#            spaces in them); unset: none
#   positional parameters, in threes KIND NAME CONTENT:
#     file NAME TEXT   a file for the session directory (NAME relative to it; TEXT gets a final newline if it
#                      lacks one); an exec session's command comes as the file `command`
#     guard ARCH B64   the exec guard for machines whose `uname -m` prints ARCH, base64 encoded (ARCH-musl: for
#                      machines whose programs use musl)
#     lane ARCH B64    the bash hook's lane for ARCH, likewise
# Outputs, one status line each, in this order (REASON is free text for the gateway's log and alerts):
#   SHELLGUARD-STARTUP FILE STATE   for each file of sg_startup, first: STATE is its SHA-256 in hex, `absent`, or
#     `unreadable: REASON`; or one SHELLGUARD-STARTUP-UNAVAILABLE REASON line when they cannot be hashed here (no
#     sha256sum, no setpriv in the privileged tier): the gateway then reads them over SFTP
#   SHELLGUARD-MACHINE ARCH   this machine's key for the native parts (`uname -m`, with -musl for a musl machine):
#     the gateway sends later sessions of this server only that machine's parts (a sixth of the bytes), and all
#     of them again when a session reports another machine
#   SHELLGUARD-GUARD ok | SHELLGUARD-GUARD unavailable REASON
#   SHELLGUARD-LANE ok  | SHELLGUARD-LANE unavailable REASON
#   SHELLGUARD-SUPERVISOR ok TIER | SHELLGUARD-SUPERVISOR unavailable REASON   (TIER same-account or privileged)
#     | SHELLGUARD-SUPERVISOR off   (asked for none)
#   SHELLGUARD-HOOK ok DIR SHELL PATH | SHELLGUARD-HOOK unavailable REASON   (SHELL is bash or zsh, at PATH)
# A failure stops there with the SHELLGUARD-HOOK unavailable line (after the guard's line once that is out). It
# always exits 0: the status lines are the answer. The directory of a session whose hook is unavailable stays
# until a later session of this account finds it two minutes old.
#
# Limits: needs mktemp -d, and base64 for the native libraries (without it they are unavailable); [ -O ] and
# find -mmin are not POSIX, but dash, bash, busybox and the BSDs have them. Leftovers are looked for only where
# this session's directory goes. Nothing is installed on the server: the gateway removes the directory when the
# session ends.

umask 077
sg_nl='
'
sg_fail() { echo "SHELLGUARD-HOOK unavailable $*"; exit 0; }
# sg_lines TEXT: sg_said is TEXT's first three lines on one line, each followed by a space (builtins only: every
# process the installer starts is time the user waits for a prompt)
sg_lines() {
  sg_said= sg_n=0
  while [ -n "$1" ] && [ $sg_n -lt 3 ]; do
    sg_said="$sg_said${1%%"$sg_nl"*} " sg_n=$((sg_n + 1))
    case $1 in *"$sg_nl"*) set -- "${1#*"$sg_nl"}" ;; *) set -- "" ;; esac
  done
}
[ -n "${sg_port-}" ] && [ -n "${sg_key-}" ] && [ $(($# % 3)) = 0 ] \
  || sg_fail "the installer was started without its parameters (sg_port, sg_key, KIND NAME CONTENT ...)"

# sg_write_files KIND NAME CONTENT ...: writes every file of the list into the session directory
sg_write_files() {
  while [ $# -ge 3 ]; do
    if [ "$1" = file ]; then
      case $3 in *"$sg_nl") sg_format=%s ;; *) sg_format='%s\n' ;; esac
      printf "$sg_format" "$3" > "$sg_dir/$2" || sg_fail "cannot write $2"
    fi
    shift 3
  done
}

# sg_library KIND PATH WHAT ARCH KIND NAME CONTENT ...: writes PATH from the list's KIND library for ARCH (this
# machine's architecture, with -musl after it for the exec guard of a musl machine); sg_nolib says why not
sg_library() {
  sg_kind=$1 sg_file=$2 sg_what=$3 sg_for=$4
  shift 4
  sg_nolib="this gateway has no $sg_what for ${sg_for:-this architecture}"
  while [ $# -ge 3 ]; do
    if [ "$1" = "$sg_kind" ] && [ "$2" = "$sg_for" ]; then
      if command -v base64 >/dev/null 2>&1; then
        sg_nolib=; printf '%s\n' "$3" | base64 -d > "$sg_file" || sg_nolib="cannot write the $sg_what"
      else sg_nolib="base64 is not installed"; fi
    fi
    shift 3
  done
}

sg_as_login=${sg_as_login-}
sg_supervise=${sg_supervisor-on}
[ "$sg_supervise" != off ] || [ -z "$sg_as_login" ] \
  || sg_fail "the privileged tier cannot run without its supervisor"
if [ -n "$sg_as_login" ]; then
  [ "$(id -u)" = 0 ] || sg_fail "the privileged tier's installer must run as root, not as $(id -un 2>/dev/null)"
  sg_uid=$(id -u "$sg_as_login" 2>/dev/null) && sg_gid=$(id -g "$sg_as_login" 2>/dev/null) \
    && sg_groups=$(id -G "$sg_as_login" 2>/dev/null) || sg_fail "no login $sg_as_login on this server"
  [ "$sg_uid" != 0 ] || sg_fail "the privileged tier is for logins other than root"
  sg_pw=$(getent passwd "$sg_as_login" 2>/dev/null || grep "^$sg_as_login:" /etc/passwd)
  sg_home=$(printf '%s\n' "$sg_pw" | cut -d: -f6) SHELL=$(printf '%s\n' "$sg_pw" | cut -d: -f7)
  HOME=$sg_home
  [ -n "$SHELL" ] || SHELL=/bin/sh
  sg_candidates="/tmp /var/tmp"   # root's own runtime and temporary directories are not the login's
else
  sg_candidates="${XDG_RUNTIME_DIR:-} ${TMPDIR:-} /tmp /var/tmp $HOME"
fi
# the login's startup and key files (sg_startup, paths relative to the login's home), hashed before anything is
# written here; in the privileged tier as the login (setpriv, as the privileged tier's sftp subsystem reads them), so
# a file the login cannot read is reported unreadable rather than read with root's rights
if [ -n "${sg_startup-}" ]; then
  sg_hashes='PATH=/usr/bin:/bin:/usr/local/bin:/usr/sbin:/sbin
    command -v sha256sum >/dev/null 2>&1 || { echo "SHELLGUARD-STARTUP-UNAVAILABLE sha256sum is not installed"; exit 0; }
    cd "$1" 2>/dev/null || { echo "SHELLGUARD-STARTUP-UNAVAILABLE cannot enter the home directory $1"; exit 0; }
    shift
    r=
    for f in "$@"; do [ -f "$f" ] && [ -r "$f" ] && r="$r $f"; done
    s=; [ -z "$r" ] || s=$(sha256sum -- $r 2>/dev/null)
    nl="
"
    for f in "$@"; do
      d=${f%/*}; [ "$d" = "$f" ] && d=.
      h=${nl}${s}${nl}; h=${h%%"  $f$nl"*}; h=${h##*"$nl"}
      if [ -e "$f" ] && [ ! -f "$f" ]; then echo "SHELLGUARD-STARTUP $f unreadable: not a regular file"
      elif [ ${#h} = 64 ] && [ -f "$f" ]; then echo "SHELLGUARD-STARTUP $f $h"
      elif [ -e "$f" ]; then
        if h=$(sha256sum 2>&1 < "$f"); then echo "SHELLGUARD-STARTUP $f ${h%% *}"
        else echo "SHELLGUARD-STARTUP $f unreadable: $(printf "%s" "$h" | tr "\n" " ")"; fi
      elif [ -L "$f" ] || [ -x "$d" ] || [ ! -e "$d" ]; then echo "SHELLGUARD-STARTUP $f absent"
      else echo "SHELLGUARD-STARTUP $f unreadable: cannot search $d"; fi
    done'
  if [ -z "$sg_as_login" ]; then
    sg_states=$(set -- "$HOME" $sg_startup; eval "$sg_hashes")
  elif command -v setpriv >/dev/null 2>&1; then
    sg_states=$(setpriv --reuid="$sg_as_login" --regid="$sg_gid" --init-groups -- /bin/sh -c "$sg_hashes" sg-startup "$sg_home" $sg_startup)
  else
    sg_states="SHELLGUARD-STARTUP-UNAVAILABLE setpriv (util-linux) is not installed"
  fi
  printf '%s\n' "$sg_states"
fi
sg_base=
for sg_b in $sg_candidates; do
  if [ -n "$sg_b" ] && [ -d "$sg_b" ] && [ -w "$sg_b" ]; then sg_base=$sg_b; break; fi
done
[ -n "$sg_base" ] || sg_fail "no writable directory for the hook's files"
# directories of earlier sessions of this account whose shell is gone (a dropped connection)
for sg_d in "$sg_base"/.shellguard-*; do
  case $sg_d in *-supervisor) continue ;; esac   # removed with their session's directory
  [ -d "$sg_d" ] && { [ -O "$sg_d" ] || [ -O "$sg_d-supervisor" ]; } || continue
  if [ -f "$sg_d/shell.pid" ]; then
    sg_pid=; read -r sg_pid < "$sg_d/shell.pid" 2>/dev/null
    kill -0 "$sg_pid" 2>/dev/null && continue
  elif [ -n "$(find "$sg_d" -maxdepth 0 -mmin -2 2>/dev/null)" ]; then
    continue
  fi
  rm -rf "$sg_d" "$sg_d-supervisor" 2>/dev/null
done
sg_dir=$(mktemp -d "$sg_base/.shellguard-XXXXXXXXXX" 2>/dev/null) \
  || sg_fail "cannot create a private directory in $sg_base"
sg_sup=$sg_dir-supervisor
mkdir -m 0700 "$sg_dir/zdot" "$sg_sup" || sg_fail "cannot write to $sg_dir"
printf 'port=%s\nkey=%s\n' "$sg_port" "$sg_key" > "$sg_dir/session" || sg_fail "cannot write session"
printf 'port=%s\nkey=%s\n' "$sg_port" "$sg_key" > "$sg_sup/session" || sg_fail "cannot write the supervisor's session file"
# the files the supervisor watches while the session runs (supervisor/startup-watch.c): the home, then a line per
# file of sg_startup, `FILE STATE` with the state hashed above where there is one (the supervisor compares it with
# what it finds once it watches: a change in between is reported too)
if [ -n "${sg_startup-}" ]; then
  sg_list=$HOME$sg_nl sg_rest=${sg_states-}
  while [ -n "$sg_rest" ]; do
    sg_l=${sg_rest%%"$sg_nl"*}
    case $sg_rest in *"$sg_nl"*) sg_rest=${sg_rest#*"$sg_nl"} ;; *) sg_rest= ;; esac
    case $sg_l in "SHELLGUARD-STARTUP "*) sg_list=$sg_list${sg_l#SHELLGUARD-STARTUP }$sg_nl ;; esac
  done
  [ "$sg_list" != "$HOME$sg_nl" ] || for sg_f in $sg_startup; do sg_list=$sg_list$sg_f$sg_nl; done
  printf '%s' "$sg_list" > "$sg_sup/watch" || sg_fail "cannot write the supervisor's watch list"
fi
sg_write_files "$@"
sg_arch=$(uname -m 2>/dev/null)   # which of the native libraries this machine takes

# the C library of this machine's programs, read from the dynamic loader /bin/true names: a musl one (Alpine's
# /lib/ld-musl-ARCH.so.1) takes the guard built against musl; a glibc machine with musl installed beside it does not
sg_libc=
grep -qs 'ld-musl-' /bin/true && sg_libc=-musl
echo "SHELLGUARD-MACHINE $sg_arch$sg_libc"
sg_library guard "$sg_dir/guard.so" "exec guard" "$sg_arch$sg_libc" "$@"
sg_guard=$sg_nolib
if [ -z "$sg_guard" ] && [ -s "$sg_dir/guard.so" ]; then
  # the guard prints its ready line when loaded with the probe variable set (guard/shellguard-guard.c)
  sg_lines "$(__SG_GUARD_PROBE=1 LD_PRELOAD="$sg_dir/guard.so" /bin/true 2>&1)"
  sg_probe=$sg_said
  if [ "$sg_probe" = "shellguard-guard ready " ]; then
    sg_guard=
  else
    rm -f "$sg_dir/guard.so"
    sg_guard="the exec guard does not load here (static programs, noexec $sg_base?): ${sg_probe:-no answer from /bin/true}"
  fi
else
  rm -f "$sg_dir/guard.so"
  sg_guard=${sg_guard:-"the exec guard could not be written"}
fi
if [ -z "$sg_guard" ]; then echo "SHELLGUARD-GUARD ok"; else echo "SHELLGUARD-GUARD unavailable $sg_guard"; fi

sg_login=${SHELL##*/}
case $sg_login in
  zsh)
    sg_shell=zsh sg_bin=$(command -v zsh 2>/dev/null)
    [ -n "$sg_bin" ] || sg_fail "the login shell zsh is not on the PATH"
    [ -f "$sg_dir/hook.zsh" ] || sg_fail "this gateway has no hook for zsh"
    "$sg_bin" -fc 'zmodload zsh/net/tcp && zmodload zsh/system' 2>/dev/null \
      || sg_fail "zsh lacks the zsh/net/tcp module the hook needs" ;;
  bash|sh|dash|ash|ksh|mksh|posh|yash|ksh93|lksh)
    sg_shell=bash sg_bin=$(command -v bash 2>/dev/null)
    [ -n "$sg_bin" ] || sg_fail "bash is not installed, and the login shell $SHELL cannot be hooked" ;;
  *)
    sg_fail "the login shell ${SHELL:-(none)} is not one the hook supports (bash, zsh, or a POSIX sh with bash installed)" ;;
esac
sg_library lane "$sg_dir/lane.so" "bash hook lane" "$sg_arch" "$@"
[ -z "$sg_nolib" ] && sg_lane=$sg_dir/lane.so || sg_lane=
# the lane refuses, on standard error, a bash whose version is not the one it was built for (bash/lane.c); $2: the
# lane, empty for none
sg_lane_probe='[ -n "$2" ] || exit 1
  [ "${BASH_VERSINFO[0]}" = 5 ] || { echo "bash $BASH_VERSION is not bash 5" >&2; exit 1; }
  enable -f "$2" __sg_lane && [ "$__sg_lane_go" = 0 ]'
if [ "$sg_shell" = bash ]; then
  # bash 4.4 is the oldest with what the hook reads (PS0, ${var@a}); bash 5 is what it is written for (hook.bash).
  # The same bash then probes the lane: one process fewer than a bash of its own
  sg_lane_said=$("$sg_bin" -c '[ "${BASH_VERSINFO[0]}" -ge 5 ] || [ "${BASH_VERSINFO[0]}" = 4 -a "${BASH_VERSINFO[1]}" -ge 4 ] || exit 3
      true 3<>"/dev/tcp/127.0.0.1/$1" 2>/dev/null || exit 3
      '"$sg_lane_probe" sg "$sg_port" "$sg_lane" 2>&1 >/dev/null)
  sg_lane_status=$?
  [ "$sg_lane_status" != 3 ] \
    || sg_fail "the hook needs bash 4.4 or later with /dev/tcp ($("$sg_bin" -c 'echo $BASH_VERSION' 2>/dev/null))"
else
  sg_lane_bash=$(command -v bash 2>/dev/null)
  sg_lane_status=1
  [ -z "$sg_lane_bash" ] || { sg_lane_said=$("$sg_lane_bash" -c "$sg_lane_probe" sg "" "$sg_lane" 2>&1 >/dev/null); sg_lane_status=$?; }
fi
if [ -n "$sg_lane" ] && [ "$sg_lane_status" = 0 ]; then
  echo "SHELLGUARD-LANE ok"
else
  rm -f "$sg_dir/lane.so"
  sg_lane_said=$(printf '%s' "${sg_lane_said-}" | sed -n 's/^.*__sg_lane: //p; /is not bash 5/p' | head -n 1)
  echo "SHELLGUARD-LANE unavailable ${sg_nolib:-${sg_lane_said:-no bash 5 here loads it}}"
fi

if [ "$sg_supervise" = off ]; then
  sg_supervisor=off
else
  sg_library supervisor "$sg_sup/supervisor" supervisor "$sg_arch" "$@"
  sg_supervisor=$sg_nolib
  if [ -z "$sg_supervisor" ] && [ -s "$sg_sup/supervisor" ] && chmod 0700 "$sg_sup/supervisor"; then
    sg_lines "$("$sg_sup/supervisor" --probe 2>&1)"
    sg_probe=$sg_said
    [ "$sg_probe" = "shellguard-supervisor ready " ] \
      || sg_supervisor="the supervisor cannot run here (ptrace refused: Yama, a container without CAP_SYS_PTRACE, noexec $sg_base?): ${sg_probe:-no answer}"
  else
    sg_supervisor=${sg_supervisor:-"the supervisor could not be written"}
  fi
fi
if [ "$sg_supervisor" = off ]; then
  echo "SHELLGUARD-SUPERVISOR off"
elif [ -n "$sg_supervisor" ]; then
  rm -f "$sg_sup/supervisor"
  echo "SHELLGUARD-SUPERVISOR unavailable $sg_supervisor"
  [ -z "$sg_as_login" ] || sg_fail "the privileged tier needs the supervisor: $sg_supervisor"
elif [ -n "$sg_as_login" ]; then
  printf '%s\n' "$sg_uid" "$sg_gid" "$sg_groups" "$sg_as_login" "$sg_home" "$SHELL" > "$sg_sup/login" \
    && cp "$sg_dir/start" "$sg_sup/start" && chown -R "$sg_uid:$sg_gid" "$sg_dir" \
    || sg_fail "cannot hand the session's directory to $sg_as_login"
  echo "SHELLGUARD-SUPERVISOR ok privileged"
else
  echo "SHELLGUARD-SUPERVISOR ok same-account"
fi

echo "SHELLGUARD-HOOK ok $sg_dir $sg_shell $sg_bin"
