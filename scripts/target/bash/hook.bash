# ShellGuard command hook for bash 5, and bash 4.4.
#
# Loaded into every bash of a ShellGuard session: by rc.bash for the interactive shell (after the user's own
# startup files) and through BASH_ENV by every non-interactive bash started from it (scripts, bash -c,
# vim's :!). A DEBUG trap, inherited by functions and subshells (functrace), sees each simple command after
# alias expansion and before it runs. The hook resolves the program behind it and either decides locally
# (harmless builtins; programs no rule can match: "allowed, and reported") or asks the gateway over the
# session's own SSH connection (a forwarded loopback port). The gateway's policy is the authority; the
# wire format is in PROTOCOL.md beside this file.
#
# Why it looks the way it does (measured with bash 5.2 on a 2-core VM, where a simple statement costs
# about 1.5 us):
# - bash re-parses the trap string at every call, so the trap is one short [[ ]] over a cache of command
#   texts known to need nothing; only a miss calls a function. A loop of builtins then costs about 1.3x
#   what a no-op trap costs.
# - A program met before whose verdict was "report" takes a lane of a dozen statements: the message carries
#   raw values (role, flags, source, line) and the gateway derives the rest.
# - The trap holds no shell word an alias could rewrite: `((` and `||` are operators and the slow path is
#   called quoted. (A user's `alias '[['=...` or `alias '!'=...` would otherwise rewrite the trap itself.)
# - A function call or an assignment clobbers $_ and (( )) clobbers $?: a miss captures $? in the (( )),
#   and $_ comes back as the slow path's last argument.
# - A refused command given by name is shadowed for one call by a function failing with 126, so
#   `cmd && next` and `set -e` scripts see a failure. A command given by path can only be skipped: bash
#   skips a command when the DEBUG trap fails in its debugging mode (extdebug), which is switched on for
#   that one command only, because it slows every program start by about 0.1 ms; a skipped command's
#   status is 0. A failing trap trips errexit (and runs an ERR trap), so errexit is off for that one
#   command too.
# - User functions may shadow any builtin: the hook calls builtins through `builtin`, and removes a function
#   named `builtin` (in posix mode, where `unset` cannot be shadowed) each time the slow path starts.
# - Every name is prefixed __sg_; functions and fixed tables are read-only once armed.
# - The name tables shared with the gateway and the other hook (the tokens between double at-signs in the
#   source) are filled in by the build from scripts/target/protocol/protocol.def: the packaged hook has
#   them written out, exactly as if typed here; run it from the build (or Generate.java), not the source.

if [[ :$BASHOPTS: == *:expand_aliases:* ]]; then __sg_aliases_were_on=1; else __sg_aliases_were_on=; fi
\builtin shopt -u expand_aliases   # the user's aliases must not rewrite the definitions below

if [[ -z ${__sg_loaded-} ]]; then
__sg_loaded=1

__sg_dir=${BASH_SOURCE[0]%/*}
# bash 4.4 (RHEL 8) lacks what bash 5.0 and 5.1 added that the hook reads: EPOCHSECONDS and EPOCHREALTIME, where
# __sg_es and __sg_now (the time in seconds and microseconds, taken at each slow-path call) come from printf's
# clock instead, in whole seconds; and PROMPT_COMMAND as an array (bash 5.1), where the hook's prompt entry is
# the string's last line instead. bash older than 4.4 has no PS0, and the installer does not start the hook.
__sg_clock= __sg_pcarray=1
[[ ${BASH_VERSINFO[0]} -lt 5 ]] && __sg_clock=1
[[ ${BASH_VERSINFO[0]} -lt 5 || ( ${BASH_VERSINFO[0]} == 5 && ${BASH_VERSINFO[1]} == 0 ) ]] && __sg_pcarray=
__sg_es=0
__sg_startup_run=              # set by rc.bash while the privileged tier's startup files run (until the first prompt)
__sg_guard=                    # the exec guard's library, once armed (the installer leaves it only where it loads)
__sg_US=$'\x1f'
__sg_RS=$'\x1e'
__sg_port= __sg_key=
while IFS='=' builtin read -r __sg_k __sg_v; do
  case $__sg_k in
    port) __sg_port=$__sg_v ;;
    key) __sg_key=$__sg_v ;;
  esac
done < "$__sg_dir/session"
builtin exec {__sg_null}>/dev/null

__sg_role=                     # interactive (the session's shell, or one started in it), exec, child
__sg_fresh=1                   # armed a moment ago: nothing can have been switched off yet
__sg_fd= __sg_fdpid=           # this process's connection to the gateway, opened on first use
__sg_n=0                       # commands reported by this process
# The DEBUG trap. A text in the cache is a hit (its value is 1); a miss stores $? in __sg_rs and calls the
# slow path. A key prefix of a blank (__sg_u) forces a miss (no command text starts with one): after a new
# line (PS0 sets it with __sg_nl), while a reported command waits for its exit status or a skip waits to be
# undone. One variable, not two: the trap is parsed and expanded at every command, and each expansion in it
# costs a loop of builtins about a tenth of its time. The
# trap is never swapped: setting a trap from inside one costs more than the test it would save. The slow
# path is not the last command of the list, so errexit is off inside it (its own tests fail all the time);
# the final (( 0 )) makes the trap fail when the slow path says to skip the command.
__sg_trap='(( ${__sg_h[$__sg_u$BASH_COMMAND]-__sg_rs=$?,0} )) || \__sg_t "$_" || (( 0 ))'
# The lane (lane.c), where the installer left it: the trap reads __sg_lane_go, whose value the lane
# computes in C: 1 for a cache hit and for the commands __sg_t's first part would take, else 0 with
# __sg_rs set, and __sg_t goes on.
__sg_lane=
if [[ -f $__sg_dir/lane.so ]] && builtin enable -f "$__sg_dir/lane.so" __sg_lane 2>&$__sg_null; then
  __sg_lane=1
  __sg_trap='(( __sg_lane_go )) || \__sg_t "$_" || (( 0 ))'
fi
# A reported command waiting for its exit status: __sg_pn is set, with its number and start time.
__sg_pn= __sg_pend=0 __sg_pend_t=0 __sg_u= __sg_rs=0
declare -A __sg_za=()          # always empty: PS0 assigns __sg_nl and __sg_u inside a lookup in it, and prints nothing
__sg_ps0='${__sg_za[${__sg_nl:= }${__sg_u:= }]-}'
__sg_dn=0 __sg_st=0 __sg_dend=0 __sg_dstart=0
__sg_nl=                       # a blank, set by PS0 when the shell has read a new line, until its first command is seen
__sg_lasth=-1                  # the history number of the last typed line reported
__sg_tmpfn=                    # the one-call refusal function currently defined, if any
__sg_skipping=                 # extdebug was switched on to skip one command
__sg_rt=0                      # when the hook last checked that nothing switched it off (__sg_es)
__sg_pv= __sg_pt=0             # policy version and when it was fetched (__sg_es)
__sg_pmode=allow __sg_plines=0
__sg_pnames=() __sg_pglobs=() __sg_pfiles=() __sg_pfile_names=()
# Command texts that need nothing (value 1), and the same texts -> resolution US command word, for reporting a
# typed line. `:` is known from the start: it is the body of __sg_prompt, which runs before every prompt.
declare -A __sg_h=([:]=1)
declare -A __sg_hd=([:]=builtin$__sg_US:)
declare -A __sg_wc=()          # program word -> verdict US path US canonical path, under the current policy
declare -A __sg_canon=()       # program path -> canonical path (symlinks resolved)
declare -A __sg_pathc=()       # command name -> file found on PATH, for PATH __sg_pathc_for
__sg_pathc_for=
declare -A __sg_watched=()     # builtins a rule names

# Builtins and keywords that can neither run another program nor change what the hook relies on.
declare -A __sg_harmless=()
for __sg_k in @@harmless bash words@@; do
  __sg_harmless[$__sg_k]=1
done
# Builtins that could switch the hook off: their dangerous forms go to the gateway, the rest are harmless.
declare -A __sg_guarded=()
for __sg_k in @@guarded bash words@@; do __sg_guarded[$__sg_k]=1; done
# Variables the hook relies on: assigning them goes to the gateway (as does any name starting __sg_).
declare -A __sg_protected=()
for __sg_k in @@variable bash-assign words@@; do __sg_protected[$__sg_k]=1; done
# Builtins that run the command given as their argument: that command decides.
declare -A __sg_prefix=([command]=1 [builtin]=1 [exec]=1)
declare -A __sg_keywords=()
for __sg_k in '[[' '((' for case select if while until '{' '}' '!' time function then else elif fi do done esac in; do
  __sg_keywords[$__sg_k]=1
done
declare -A __sg_builtins=()
# (a command substitution, not `< <(...)`: a process substitution is an asynchronous job, which sets the user's
# $! and makes bash allocate its 512 KiB table of finished background jobs, which every fork then copies)
while builtin read -r __sg_k __sg_v; do [[ $__sg_k == enable ]] && __sg_builtins[${__sg_v#-n }]=1; done <<< "$(builtin enable)"
# Programs that run programs named in their arguments: the gateway looks inside them when a rule could apply.
declare -A __sg_wrapper=()
for __sg_k in @@wrapper bash words@@; do
  __sg_wrapper[$__sg_k]=1
done
# Shells: whether they keep the hook depends on how they are started, which the gateway judges.
declare -A __sg_shells=()
for __sg_k in @@shell bash words@@; do __sg_shells[$__sg_k]=1; done

# --- talking to the gateway ------------------------------------------------------------------------------

# Opens this process's own connection (a subshell must not share its parent's socket) and says hello:
# H <US> key <US> pid <US> session shell pid <US> ppid <US> SHLVL <US> bash version <US> role.
__sg_connect() {
  [[ $__sg_fd && $__sg_fdpid == "$BASHPID" ]] && builtin return 0
  [[ $__sg_fd ]] && builtin exec {__sg_fd}>&-
  __sg_fd=
  # (grouped: a redirection on exec itself would stay, and silence the user's stderr for good)
  { builtin exec {__sg_fd}<>"/dev/tcp/127.0.0.1/$__sg_port"; } 2>&$__sg_null || { __sg_fd=; builtin return 1; }
  __sg_fdpid=$BASHPID
  builtin printf '%s\n' "H$__sg_US$__sg_key$__sg_US$BASHPID$__sg_US$$$__sg_US${PPID-}$__sg_US$SHLVL${__sg_US}bash/$BASH_VERSION$__sg_US$__sg_role" >&$__sg_fd \
    || { __sg_fd=; builtin return 1; }
}

__sg_send() {
  [[ $__sg_fdpid == "$BASHPID" && $__sg_fd ]] || __sg_connect || builtin return 1
  builtin printf '%s\n' "$1" >&$__sg_fd || { __sg_fd=; builtin return 1; }
}

# Reads replies until the verdict (V <US> id <US> A|B|T <US> rule); policy lines on the way are applied.
__sg_await() {
  while builtin read -r -t 30 -u "$__sg_fd" __sg_line; do
    case $__sg_line in
      P"$__sg_US"*) __sg_apply_policy "$__sg_line" ;;
      V"$__sg_US"*) IFS=$__sg_US builtin read -r -a __sg_reply <<< "$__sg_line"; builtin return 0 ;;
    esac
  done
  __sg_fd=
  builtin return 1
}

__sg_fetch_policy() {
  __sg_flush_done
  __sg_send P || builtin return 1
  builtin read -r -t 30 -u "$__sg_fd" __sg_line && [[ $__sg_line == P"$__sg_US"* ]] && __sg_apply_policy "$__sg_line"
}

# P <US> version <US> allow|allowlist <US> line rules 0|1 <US> program names (space separated) <US> path globs (RS separated)
# Policy lines the gateway pushed while the shell was busy: apply them without waiting for more.
__sg_take_pushed() {
  while builtin read -t 0 -u "$__sg_fd" && builtin read -r -t 1 -u "$__sg_fd" __sg_line; do
    [[ $__sg_line == P"$__sg_US"* ]] && __sg_apply_policy "$__sg_line"
  done
  builtin return 0
}

__sg_apply_policy() {
  IFS=$__sg_US builtin read -r -a __sg_pf <<< "$1"
  __sg_pt=$__sg_es
  [[ ${__sg_pf[1]-} == "$__sg_pv" ]] && builtin return 0
  __sg_pv=${__sg_pf[1]-} __sg_pmode=${__sg_pf[2]-allow} __sg_plines=${__sg_pf[3]-1}
  builtin read -r -a __sg_pnames <<< "${__sg_pf[4]-}"
  IFS=$__sg_RS builtin read -r -a __sg_pglobs <<< "${__sg_pf[5]-}"
  __sg_pfiles=() __sg_pfile_names=() __sg_watched=()
  for __sg_k in "${__sg_pnames[@]}"; do
    [[ $__sg_k == *[][*?]* ]] && continue
    [[ ${__sg_builtins[$__sg_k]-} ]] && __sg_watched[$__sg_k]=1
    __sg_find_on_path "$__sg_k" && { __sg_pfiles+=("$__sg_found"); __sg_pfile_names+=("$__sg_k"); }
  done
  __sg_h=([:]=1) __sg_hd=([:]=builtin$__sg_US:) __sg_wc=()
}

# --- resolving what a command word runs ------------------------------------------------------------------

# Sets __sg_found to the first executable file NAME on PATH (or on the list $2), as bash finds it.
__sg_find_on_path() {
  if [[ ! ${2+x} ]]; then
    if [[ $__sg_pathc_for != "$PATH" ]]; then __sg_pathc=(); __sg_pathc_for=$PATH; fi
    __sg_found=${__sg_pathc[$1]-}
    [[ $__sg_found ]] && builtin return 0
  fi
  # (the colon added keeps a trailing empty element: empty elements are the current directory, as bash has them)
  IFS=: builtin read -r -a __sg_pd <<< "${2-$PATH}:"
  for __sg_pdir in "${__sg_pd[@]}"; do
    if [[ -f ${__sg_pdir:-.}/$1 && -x ${__sg_pdir:-.}/$1 ]]; then
      __sg_found=${__sg_pdir:-.}/$1
      [[ ${2+x} ]] || __sg_pathc[$1]=$__sg_found
      builtin return 0
    fi
  done
  builtin return 1
}

# Resolves word $1 as bash runs it; $2 is the prefix it follows: "command" skips functions, "builtin" takes
# builtins only, "exec" files only. Sets __sg_res (file|builtin|function|keyword|missing) and __sg_path.
__sg_resolve() {
  __sg_path=
  if [[ $1 == */* ]]; then
    __sg_res=file __sg_path=$1
    [[ $__sg_path == /* ]] || __sg_path=$PWD/$__sg_path
    [[ -e $__sg_path ]] || __sg_res=missing
    builtin return 0
  fi
  if [[ ! ${2-} && ${__sg_keywords[$1]-} ]]; then __sg_res=keyword; builtin return 0; fi
  if [[ ! ${2-} ]] && builtin declare -F -- "$1" >&$__sg_null; then __sg_res=function; builtin return 0; fi
  if [[ ${2-} != exec && ${__sg_builtins[$1]-} ]]; then __sg_res=builtin; builtin return 0; fi
  if [[ ${2-} == builtin ]]; then __sg_res=missing; builtin return 0; fi
  # a PATH given to this command alone is searched afresh, as bash does
  if [[ ${__sg_tpath+x} ]]; then
    if __sg_find_on_path "$1" "$__sg_tpath"; then __sg_res=file __sg_path=$__sg_found; else __sg_res=missing; fi
    builtin return 0
  fi
  __sg_path=${BASH_CMDS[$1]-}
  if [[ $__sg_path ]]; then __sg_res=file; builtin return 0; fi
  if __sg_find_on_path "$1"; then __sg_res=file __sg_path=$__sg_found; else __sg_res=missing; fi
}

# Sets __sg_cp to the program's canonical path (symlinks resolved; directories too when path rules apply).
__sg_canonical() {
  __sg_cp=${__sg_canon[$1]-}
  [[ $__sg_cp ]] && builtin return 0
  if [[ -L $1 || ${#__sg_pglobs[@]} -gt 0 ]]; then
    __sg_cp=$(builtin command readlink -f -- "$1" 2>&$__sg_null)
  fi
  __sg_cp=${__sg_cp:-$1}
  __sg_canon[$1]=$__sg_cp
}

# Sets __sg_wl to the length of the first shell word of $1: quotes, backslashes, $( ), $(( )), ${ } and
# backquotes may hold blanks. Only words with such parts are walked character by character.
__sg_scan() {
  __sg_wl=${1%%[[:space:]]*}
  if [[ $__sg_wl != *[\'\"\\\$\`]* ]]; then __sg_wl=${#__sg_wl}; builtin return 0; fi
  __sg_i=0 __sg_d=0 __sg_q= __sg_wl=${#1}
  while (( __sg_i < __sg_wl )); do
    __sg_c=${1:__sg_i:1}
    if [[ $__sg_q == "'" ]]; then
      [[ $__sg_c == "'" ]] && __sg_q=
    elif [[ $__sg_c == '\' ]]; then
      (( __sg_i++ ))
    elif [[ $__sg_c == '"' ]]; then
      if [[ $__sg_q == '"' ]]; then __sg_q=; elif (( __sg_d == 0 )); then __sg_q='"'; fi
    elif [[ $__sg_c == "'" && ! $__sg_q && __sg_d -eq 0 ]]; then
      __sg_q="'"
    elif [[ $__sg_c == '`' ]]; then
      if [[ $__sg_q == '`' ]]; then __sg_q=; elif [[ ! $__sg_q ]]; then __sg_q='`'; fi
    elif [[ $__sg_c == '$' && ${1:__sg_i+1:1} == [\({] ]]; then
      (( __sg_d++, __sg_i++ ))
    elif (( __sg_d > 0 )) && [[ $__sg_c == [\({] ]]; then
      (( __sg_d++ ))
    elif (( __sg_d > 0 )) && [[ $__sg_c == [\)}] ]]; then
      (( __sg_d-- ))
    elif [[ ! $__sg_q && __sg_d -eq 0 && $__sg_c == [[:space:]\;\&\|\<\>] ]]; then
      break
    fi
    (( __sg_i++ ))
  done
  __sg_wl=$__sg_i
}

# Expands word $1 as bash will (quotes, parameters, braces, globs), without side effects: a command
# substitution is expanded only when it is a pure query (echo, printf, which, dirname, ...). Sets __sg_xw to
# the first resulting word; returns 1 when the word cannot be known before it runs.
# The expansion runs inside the trap, where nothing is trapped, so no part of it may evaluate the user's
# text as code: an array subscript, a substring offset and an assignment to an integer variable are
# arithmetic, and arithmetic expands a variable's value recursively (x='a[$(cmd)]'; ${b[x]} runs cmd);
# ${!x} expands x's value as a parameter. Words with such parts are refused (the gateway gets the word
# unexpanded, and bash expands it later, outside the trap, where what it runs is trapped); only the
# subscripts @, * and digits stay.
__sg_expand() {
  __sg_xw=$1
  [[ $1 ]] || builtin return 0
  [[ ${__sg_builtins[$1]-}${__sg_keywords[$1]-} || $1 != *[\$\`\'\"\\\{*?\[~]* ]] && builtin return 0
  case $1 in
    *'$(('*|*'$['*|*'<('*|*'>('*|*'?}'*|*':?'*|*'@P}'*|*'@A}'*|*'${!'*) builtin return 1 ;;
  esac
  if [[ $1 == *'${'* ]]; then
    [[ $1 =~ \$\{[^}]*= || $1 =~ \$\{[^}:]*:([^-+]|$) ]] && builtin return 1
    __sg_xk=$1
    while [[ $__sg_xk =~ \$\{[^}]*\[([@*]|[0-9]+)?([^]]*)\] ]]; do
      [[ ${BASH_REMATCH[1]} && ! ${BASH_REMATCH[2]} ]] || builtin return 1
      __sg_xk=${__sg_xk/"${BASH_REMATCH[0]}"/}
    done
    [[ $__sg_xk =~ \$\{[^}]*\[ ]] && builtin return 1
  fi
  if [[ $1 == *'$('* || $1 == *'`'* ]]; then
    [[ $1 =~ ^\"?(\$\(|\`)[[:space:]]*(echo|printf|which|dirname|basename|realpath|readlink|command[[:space:]]+-v|type[[:space:]]+-[pP])[[:space:]][^\;\&\|\<\>\`\$\(\)]*(\$[A-Za-z_0-9{}]*[^\;\&\|\<\>\`\$\(\)]*)*(\)|\`)\"?(/[^[:space:]\$\`]*)?$ ]] \
      || builtin return 1
  fi
  __sg_xa=()
  builtin eval "__sg_xa=( $1 )" 2>&$__sg_null || builtin return 1
  __sg_xw=${__sg_xa[0]-}
  builtin return 0
}

# --- the decision ----------------------------------------------------------------------------------------

__sg_esc() { __sg_e=${1//\\/\\\\}; __sg_e=${__sg_e//$'\n'/\\n}; __sg_e=${__sg_e//$__sg_US/\\u}; }

# Tells the user why a command did not run, on the shell's own stderr (the command's redirections do not apply).
__sg_tell() { builtin printf 'shellguard: %s\n' "$1" >&2; }

# Stands in, for one call, for a refused command given by name.
__sg_refused() { builtin return 126; }

# The dangerous forms of the guarded builtins, on the command text $1 (the builtin is __sg_cmdword).
__sg_suspicious() {
  case $1 in
    *__sg_*|@@variable bash-text globs@@) builtin return 0 ;;
  esac
  case $__sg_cmdword in
    set) [[ $1 =~ (^|[[:space:]])\+[a-zA-Z]*[T$]|functrace|posix|history|\$ ]] ;;
    shopt) [[ $1 == *extdebug* || $1 == *'$'* || $1 =~ [[:space:]]-[a-z]*o ]] ;;
    # a handler's commands run with BASH_COMMAND frozen at the interrupted command, so the hook cannot see
    # them: the gateway reads the handler's code when it is set. Only listing and resetting stay local.
    trap) [[ ! $1 =~ ^trap([[:space:]]+(-[lp]+|--?))*([[:space:]]+[A-Za-z0-9]+)*$ || $1 == *[Dd][Ee][Bb][Uu][Gg]* || $1 == *[Rr][Ee][Tt][Uu][Rr][Nn]* ]] ;;
    # anything but listing: a name it turns on may be a loadable (enable rm loads /usr/lib/bash/rm), which
    # runs inside the shell with no program start
    enable) [[ ! $1 =~ ^enable([[:space:]]+-[aps]+)*[[:space:]]*$ ]] ;;
    unset) [[ $1 =~ [[:space:]]-[a-z]*f ]] ;;
    declare|typeset|export|readonly) [[ $1 =~ [[:space:]](-[a-zA-Z]*n|\+[a-zA-Z]*x) ]] ;;
    *) builtin return 1 ;;
  esac
}

# Every command the cache does not know. $1 is the user's $_, restored by being this call's last argument.
# Returns 0 to let the command run, 1 to skip it. bash copies a function's whole body at every call (about
# 1 us per statement), so this one holds what most calls need: the end of the reported command before, the
# hook's own prompt entry, a text known to need nothing, a program met before. The rest is __sg_judge's.
__sg_t() {
  # Inside another trap's handler (EXIT, a signal) bash leaves BASH_COMMAND at the last command outside it,
  # which may be the hook's own switch of this trap: nothing to judge. Inside the one-call stand-in for a
  # refused command, nothing either.
  [[ $BASH_COMMAND == 'builtin trap "$__sg_trap"'* || ${__sg_own[${FUNCNAME[1]:-main}]-} \
     || ( $__sg_tmpfn && ${FUNCNAME[1]-} == "$__sg_tmpfn" ) ]] && builtin return 0
  # no builtin may run before a function named `builtin` is gone: it would run inside the trap, unwatched
  __sg_pc=${POSIXLY_CORRECT-__sg_unset}
  POSIXLY_CORRECT=1; unset -f builtin; unset POSIXLY_CORRECT
  [[ $__sg_pc == __sg_unset ]] || POSIXLY_CORRECT=$__sg_pc
  if [[ $__sg_clock ]]; then builtin printf -v __sg_es '%(%s)T' -1; __sg_now=${__sg_es}000000
  else __sg_es=$EPOCHSECONDS __sg_now=${EPOCHREALTIME/./}; fi
  if [[ $__sg_pn ]]; then
    # the reported command before this one has finished; its status travels with the next message
    __sg_dn=$__sg_pend __sg_st=$__sg_rs __sg_dstart=$__sg_pend_t __sg_dend=$__sg_now __sg_pn=
  fi
  __sg_u=
  if [[ $__sg_tmpfn || $__sg_skipping || $- != *T* || $__sg_fresh ]] || (( __sg_es != __sg_rt )); then
    __sg_upkeep
  fi
  __sg_text=$BASH_COMMAND __sg_xw=${BASH_COMMAND%%[[:space:]]*}
  # the hook's own PROMPT_COMMAND entry (read-only, so it can be remembered)
  if [[ $__sg_text == '\__sg_prompt' ]]; then
    # (not in the trap's cache: every prompt comes here, to send S)
    __sg_hd[$__sg_text]=function$__sg_US$__sg_xw
    [[ $__sg_nl ]] && __sg_u=' '
    # the startup files ran: what they set to keep lines out of the history goes before any line is typed
    [[ $__sg_startup_run ]] && { HISTCONTROL= HISTIGNORE= __sg_startup_run=; }
    # the prompt is shown: the gateway expects the next typed line to be reported (HOOK_SILENT)
    [[ $__sg_role == interactive ]] && __sg_send S
    builtin return 0
  fi
  if [[ ! $__sg_nl ]]; then
    # a text known to need nothing
    [[ ${__sg_hd[$__sg_text]-} ]] && builtin return 0
    # a program met before, sent raw: fields without anything to escape, on this process's own connection
    if [[ $__sg_fdpid == "$BASHPID" && $BASH_COMMAND$PWD${BASH_SOURCE[1]-} != *[$'\n'\\$__sg_US]* ]] && __sg_known; then
      __sg_done=
      (( __sg_dn )) && __sg_done=$BASHPID.$__sg_dn,$__sg_st,$__sg_dstart,$__sg_dend
      (( __sg_pend = ++__sg_n ))
      builtin printf '%s\n' "R$__sg_US$BASHPID.$__sg_n$__sg_US$__sg_now$__sg_US$__sg_done$__sg_US$__sg_role$__sg_US${COMP_LINE+c}${BASH_EXECUTION_STRING+x}$__sg_US$BASH_SUBSHELL$__sg_US${BASH_SOURCE[1]-}$__sg_US${BASH_LINENO[0]-}$__sg_US${FUNCNAME[1]-}$__sg_US$PWD${__sg_US}file$__sg_US$__sg_xw$__sg_US$__sg_c$__sg_US$__sg_US$$.$HISTCMD$__sg_US$__sg_US$BASH_COMMAND" >&$__sg_fd \
        || { __sg_fd= __sg_firstw=$__sg_xw; __sg_unreachable; builtin return; }
      __sg_dn=0 __sg_pend_t=$__sg_now __sg_pn=1 __sg_u=' '
      builtin return 0
    fi
  fi
  __sg_judge "$1"
}

# Whether the command word __sg_xw is a program met before whose verdict was "report" under the current policy,
# still not shadowed by a function or the hash table, and not the file of a program a rule names. Sets __sg_c
# to its path US canonical path.
__sg_known() {
  [[ ${__sg_wc[$__sg_xw]-} == report"$__sg_US"* && $__sg_xw != *[=\'\"\\\$\`\{*?\[~]* && $((__sg_es - __sg_pt)) -le 3 \
     && $BASH_COMMAND != *__sg_* ]] || builtin return 1
  [[ $__sg_xw == /* ]] || ! builtin declare -F -- "$__sg_xw" >&$__sg_null || builtin return 1
  __sg_c=${__sg_wc[$__sg_xw]#report"$__sg_US"} __sg_same=
  for __sg_k in "${__sg_pfiles[@]}"; do [[ ${__sg_c%%"$__sg_US"*} -ef $__sg_k ]] && __sg_same=1; done
  [[ ! $__sg_same && ( $__sg_xw == /* || ${BASH_CMDS[$__sg_xw]-} == "${__sg_c%%"$__sg_US"*}" ) ]]
}

# What __sg_t does now and then: undoes a one-call refusal or skip, and checks once a second that nothing
# switched the hook off.
__sg_upkeep() {
  [[ $__sg_tmpfn ]] && { builtin unset -f -- "$__sg_tmpfn"; __sg_tmpfn=; }
  if [[ $__sg_skipping ]]; then
    builtin shopt -u extdebug; builtin set -T
    [[ $__sg_skipping == e ]] && builtin set -e
    __sg_skipping=
  fi
  if [[ $- != *T* || $__sg_fresh ]] || (( __sg_es != __sg_rt )); then
    __sg_repair
    # a policy the gateway pushed meanwhile (it pushes every 2 s while the shell is busy, so this one need not ask)
    [[ $__sg_fdpid == "$BASHPID" && $__sg_fd ]] && builtin read -t 0 -u "$__sg_fd" && __sg_take_pushed
  fi
  builtin return 0
}

# The rest of __sg_t: the first command of a new line, and every text and program not met before. $1 as for
# __sg_t; the command's own frame is one further up than in __sg_t.
__sg_judge() {
  __sg_newline=
  if [[ $__sg_nl && ! ${COMP_LINE+x} && ! ${FUNCNAME[2]-} && ! ${BASH_SOURCE[2]-} ]]; then
    __sg_newline=1 __sg_nl=
  fi
  [[ $__sg_nl ]] && __sg_u=' '   # a new line not taken yet: the next command is a miss too
  # a text known to need nothing: only the first command of a typed line is reported, for the line
  __sg_c=${__sg_hd[$__sg_text]-}
  if [[ $__sg_c ]]; then
    if [[ $__sg_newline ]]; then
      # (a builtin's status and duration are not worth a second trap call before the prompt)
      __sg_res=${__sg_c%%"$__sg_US"*} __sg_cmdword=${__sg_c#*"$__sg_US"} __sg_path= __sg_cp= __sg_same= __sg_alias=
      __sg_report R
    fi
    builtin return 0
  fi
  # a program met before, as the first command of a typed line
  if [[ $__sg_newline ]] && __sg_known; then
    __sg_res=file __sg_cmdword=$__sg_xw __sg_path=${__sg_c%%"$__sg_US"*} __sg_cp=${__sg_c#*"$__sg_US"} __sg_alias=
    __sg_report R || { __sg_firstw=$__sg_xw; __sg_unreachable; builtin return; }
    __sg_pending
    builtin return 0
  fi
  # a function's own entry trap: the call was judged already
  [[ ${FUNCNAME[2]-} && ${FUNCNAME[2]} != main && $__sg_xw == "${FUNCNAME[2]}" ]] && builtin return 0
  # the privileged tier's startup files run under the hook (rc.bash), and Debian's ~/.bashrc sets HISTCONTROL: a
  # plain history setting runs there unjudged (never cached), and the first prompt empties both (__sg_t)
  [[ $__sg_startup_run && $__sg_text =~ ^(HISTCONTROL|HISTIGNORE)=[^[:space:]\$\`]*$ ]] && builtin return 0
  (( __sg_es - __sg_pt > 3 )) && __sg_fetch_policy
  __sg_alias=
  __sg_classify "$__sg_text"
  case $__sg_verdict in
    cache)
      __sg_h[$__sg_text]=1 __sg_hd[$__sg_text]=$__sg_res$__sg_US$__sg_cmdword
      [[ $__sg_newline ]] && __sg_report R
      builtin return 0 ;;
    report)
      __sg_report R || { __sg_unreachable; builtin return; }
      __sg_pending
      builtin return 0 ;;
  esac
  __sg_repair
  if ! __sg_report Q || ! __sg_await; then __sg_unreachable; builtin return; fi
  case ${__sg_reply[2]-} in
    A) __sg_pending; builtin return 0 ;;
    T) __sg_tell "blocked by policy \"${__sg_reply[3]-}\"; the session ends"; __sg_block ;;
    *) __sg_tell "blocked by policy \"${__sg_reply[3]-}\""; __sg_block ;;
  esac
}

# The command just reported runs now; its status is captured by the next trap call.
__sg_pending() {
  __sg_pn=1 __sg_pend=$__sg_n __sg_pend_t=$__sg_now __sg_u=' '
}

__sg_unreachable() {
  __sg_tell "the gateway cannot be reached; \"${__sg_text:0:60}\" was not run"
  __sg_block
}

# Stops the command about to run. A plain command name is shadowed by a failing function for one call
# (returns 0: the trap lets it run); anything else is skipped (returns 1), with errexit off until the next
# trap call, which the blank key prefix makes a miss.
__sg_block() {
  # (never `builtin`: the stand-in itself returns through it)
  if [[ $__sg_firstw =~ ^[A-Za-z0-9_.:+-]+$ && $__sg_firstw != builtin && ! ${__sg_keywords[$__sg_firstw]-} && ! ${__sg_own[$__sg_firstw]-} ]] \
     && ! builtin declare -F -- "$__sg_firstw" >&$__sg_null; then
    builtin eval "function $__sg_firstw { __sg_refused; }" 2>&$__sg_null && { __sg_tmpfn=$__sg_firstw; __sg_u=' '; builtin return 0; }
  fi
  builtin shopt -s extdebug
  __sg_skipping=1 __sg_u=' '
  [[ $- == *e* ]] && { builtin set +e; __sg_skipping=e; }
  builtin return 1
}

__sg_flush_done() {
  (( __sg_dn )) && __sg_send "E$__sg_US$BASHPID.$__sg_dn,$__sg_st,$__sg_dstart,$__sg_dend"
  __sg_dn=0
  builtin return 0
}

# What the command needs: cache (harmless: remember the text), report (runs, the gateway is told) or ask
# (the gateway decides). Sets __sg_verdict, __sg_firstw, __sg_cmdword, __sg_res, __sg_path,
# __sg_cp, __sg_same, __sg_alias.
__sg_classify() {
  __sg_verdict=ask __sg_res= __sg_path= __sg_cp= __sg_same= __sg_firstw= __sg_cmdword= __sg_mode=
  # leading assignments; one to what the hook relies on goes to the gateway
  __sg_rest=$1
  builtin unset __sg_tpath
  while [[ $__sg_rest == [A-Za-z_]*([A-Za-z_0-9])?(\[*\])?(+)=* ]]; do
    __sg_k=${__sg_rest%%[[+=]*}
    [[ ${__sg_protected[$__sg_k]-} || $__sg_k == __sg_* ]] && builtin return 0
    __sg_scan "$__sg_rest"
    __sg_a=${__sg_rest:0:__sg_wl}
    if [[ $__sg_a == PATH=* || $__sg_a == PATH+=* ]]; then
      # the command runs with this PATH: resolve its word on it (a PATH the hook cannot know goes to the gateway)
      __sg_expand "${__sg_a#*=}" || { __sg_res=dynamic; builtin return 0; }
      __sg_tpath=$__sg_xw
      [[ $__sg_a == PATH+=* ]] && __sg_tpath=$PATH$__sg_xw
    fi
    __sg_rest=${__sg_rest:__sg_wl}; __sg_rest=${__sg_rest#"${__sg_rest%%[![:space:]]*}"}
  done
  if [[ ! $__sg_rest || $__sg_rest == '(('* || $__sg_rest == '[['[[:space:]]* ]]; then
    __sg_verdict=cache __sg_res=keyword __sg_cmdword=${__sg_rest%%[[:space:]]*}
    builtin return 0
  fi
  __sg_word=${__sg_rest%%[[:space:]]*}
  if [[ $__sg_word == *[\'\"\\\$\`]* ]]; then __sg_scan "$__sg_rest"; __sg_word=${__sg_rest:0:__sg_wl}; fi
  if [[ $__sg_word == *[\'\"\\\$\`\{*?\[~]* ]]; then
    __sg_expand "$__sg_word" || { __sg_res=dynamic; builtin return 0; }
  else
    __sg_xw=$__sg_word
  fi
  __sg_firstw=$__sg_xw __sg_cmdword=$__sg_xw
  # the hook's own functions are not the user's to call: the gateway judges that
  if [[ ${__sg_own[$__sg_cmdword]-} && ! ${__sg_shells[$__sg_cmdword]-} ]]; then __sg_res=function; builtin return 0; fi
  if [[ $__sg_newline ]]; then
    # the alias the typed line used, if any: the longest whose text starts the command
    __sg_k=
    for __sg_a in "${!BASH_ALIASES[@]}"; do
      [[ $1 == "${BASH_ALIASES[$__sg_a]}"* && ${#BASH_ALIASES[$__sg_a]} -gt ${#__sg_k} ]] && __sg_alias=$__sg_a __sg_k=${BASH_ALIASES[$__sg_a]}
    done
  fi
  # command, builtin, exec: the word they run decides
  while [[ ${__sg_prefix[$__sg_cmdword]-} ]] && ! builtin declare -F -- "$__sg_cmdword" >&$__sg_null; do
    __sg_mode=$__sg_cmdword
    __sg_rest=${__sg_rest#"$__sg_word"}; __sg_rest=${__sg_rest#"${__sg_rest%%[![:space:]]*}"}
    while [[ $__sg_rest == -* ]]; do
      __sg_opt=${__sg_rest%%[[:space:]]*}
      case $__sg_mode:$__sg_opt in
        command:-*[vV]*) __sg_verdict=cache __sg_res=builtin; builtin return 0 ;;
        exec:-a) __sg_rest=${__sg_rest#-a}; __sg_rest=${__sg_rest#"${__sg_rest%%[![:space:]]*}"}; __sg_rest=${__sg_rest#*[[:space:]]} ;;
        *) __sg_rest=${__sg_rest#"$__sg_opt"} ;;
      esac
      __sg_rest=${__sg_rest#"${__sg_rest%%[![:space:]]*}"}
    done
    if [[ ! $__sg_rest || $__sg_rest == [0-9]*[\<\>]* || $__sg_rest == [\<\>]* || $__sg_rest == '{'*'}'[\<\>]* ]]; then
      # exec with redirections only: touching the hook's own connection goes to the gateway
      if [[ $__sg_mode == exec && $__sg_fd && $1 =~ (^|[^0-9])$__sg_fd[\<\>] ]]; then __sg_verdict=ask; else __sg_verdict=cache __sg_res=builtin; fi
      builtin return 0
    fi
    __sg_scan "$__sg_rest"; __sg_word=${__sg_rest:0:__sg_wl}
    __sg_expand "$__sg_word" || { __sg_res=dynamic; builtin return 0; }
    __sg_cmdword=$__sg_xw
  done
  __sg_resolve "$__sg_cmdword" "$__sg_mode"
  case $__sg_res in
    keyword) __sg_verdict=cache ;;
    builtin)
      if [[ ${__sg_watched[$__sg_cmdword]-} ]]; then __sg_verdict=ask
      elif [[ $__sg_cmdword == eval || $__sg_cmdword == source || $__sg_cmdword == . ]]; then
        # what they run is trapped command by command
        if [[ $1 == *__sg_* ]]; then __sg_verdict=ask; else __sg_verdict=cache; fi
      elif [[ ${__sg_harmless[$__sg_cmdword]-} ]]; then
        # (printf -v, read and mapfile assign: not to the hook's variables)
        if [[ $1 == *__sg_* || $1 == *BASH_ALIASES* ]]; then __sg_verdict=ask; else __sg_verdict=cache; fi
      elif [[ ${__sg_guarded[$__sg_cmdword]-} ]]; then
        if __sg_suspicious "$1"; then __sg_verdict=ask; else __sg_verdict=cache; fi
      else __sg_verdict=report
      fi
      [[ $__sg_plines == 1 && $__sg_verdict == report ]] && __sg_verdict=ask ;;
    function)
      if [[ ${__sg_own[$__sg_cmdword]-} ]]; then
        # the hook's own bash/sh/dash: judged as the shell they start
        __sg_resolve "$__sg_cmdword" command
        __sg_decide_file "$1"
        __sg_res=shell
      elif [[ $__sg_newline ]]; then __sg_verdict=report
      else __sg_verdict=cache
      fi ;;
    file) __sg_decide_file "$1" ;;
    # (`builtin NAME` of a name the hook did not know as a builtin: one loaded since, which the gateway judges)
    missing) [[ $__sg_plines == 1 || $__sg_pmode != allow || $__sg_mode == builtin ]] && __sg_verdict=ask || __sg_verdict=report ;;
  esac
  builtin return 0
}

# A program: reported when no rule can match it, asked otherwise. The verdict before the identity check is
# remembered per word; the identity (the same file as a program a rule names) is checked at every use.
__sg_decide_file() {
  __sg_cp=${__sg_canon[$__sg_path]-}
  [[ $__sg_cp ]] || __sg_canonical "$__sg_path"
  __sg_verdict=report __sg_k=${__sg_cp##*/}
  if [[ $__sg_pmode != allow || $__sg_plines == 1 || ${__sg_shells[${__sg_path##*/}]-} || ${__sg_shells[$__sg_k]-} || $__sg_k == env ]]; then
    __sg_verdict=ask
  elif [[ ${__sg_wrapper[$__sg_k]-} ]] && (( ${#__sg_pnames[@]} + ${#__sg_pglobs[@]} > 0 )); then
    __sg_verdict=ask
  fi
  for __sg_k in "${__sg_pnames[@]}"; do
    [[ ${__sg_cmdword##*/} == $__sg_k || ${__sg_path##*/} == $__sg_k || ${__sg_cp##*/} == $__sg_k ]] && __sg_verdict=ask
  done
  for __sg_k in "${__sg_pglobs[@]}"; do
    [[ $__sg_cp == $__sg_k || $__sg_path == $__sg_k ]] && __sg_verdict=ask
  done
  [[ ! $__sg_mode && ! ${__sg_tpath+x} && ( $__sg_cmdword == /* || $__sg_cmdword != */* ) ]] \
    && __sg_wc[$__sg_cmdword]=$__sg_verdict$__sg_US$__sg_path$__sg_US$__sg_cp
  for __sg_k in "${!__sg_pfiles[@]}"; do
    [[ $__sg_path -ef ${__sg_pfiles[$__sg_k]} ]] && { __sg_same+="${__sg_same:+ }${__sg_pfile_names[$__sg_k]}"; __sg_verdict=ask; }
  done
  [[ $1 == *__sg_* ]] && __sg_verdict=ask
  builtin return 0
}

# Sends R (runs, reported) or Q (the gateway decides); the typed line goes first when the command starts a
# new prompt line. Raw values only; the gateway derives origin and depth from them.
# R|Q <US> id <US> start <US> done <US> role <US> flags <US> subshell <US> source <US> line <US> function <US> cwd
#     <US> resolution <US> word <US> path <US> canonical <US> same-as <US> line id <US> alias <US> command
# flags: c in a completion, x in a -c string. Called by __sg_judge, which __sg_t calls: the command's own
# frame is the third above this one.
__sg_report() {
  [[ $__sg_fdpid == "$BASHPID" && $__sg_fd ]] || __sg_connect || builtin return 1
  (( ++__sg_n ))
  __sg_id=$BASHPID.$__sg_n
  __sg_lrs=
  if [[ $__sg_newline ]]; then
    # every line since the last one reported: lines without a command (a function definition, a comment)
    # never reach the trap, but belong in the audit all the same
    __sg_k=$(( HISTCMD - __sg_lasth ))
    (( __sg_lasth < 0 || __sg_k < 1 || __sg_k > 50 )) && __sg_k=1
    __sg_lasth=$HISTCMD
    { builtin printf 'L%s%s%s' "$__sg_US" "$$.$HISTCMD" "$__sg_US"; builtin history "$__sg_k"; } >&$__sg_fd 2>&$__sg_null \
      || { __sg_fd=; builtin return 1; }
    __sg_lrs=$__sg_RS
  fi
  __sg_m=$__sg_text __sg_w=$PWD __sg_e=${BASH_SOURCE[3]-}
  if [[ $__sg_m$__sg_w$__sg_e == *[$'\n'\\$__sg_US]* ]]; then
    __sg_esc "$__sg_m"; __sg_m=$__sg_e
    __sg_esc "$__sg_w"; __sg_w=$__sg_e
    __sg_esc "${BASH_SOURCE[3]-}"
  fi
  __sg_done=
  (( __sg_dn )) && __sg_done=$BASHPID.$__sg_dn,$__sg_st,$__sg_dstart,$__sg_dend
  builtin printf '%s\n' "$__sg_lrs$1$__sg_US$__sg_id$__sg_US$__sg_now$__sg_US$__sg_done$__sg_US$__sg_role$__sg_US${COMP_LINE+c}${BASH_EXECUTION_STRING+x}$__sg_US$BASH_SUBSHELL$__sg_US$__sg_e$__sg_US${BASH_LINENO[2]-}$__sg_US${FUNCNAME[3]-}$__sg_US$__sg_w$__sg_US$__sg_res$__sg_US$__sg_cmdword$__sg_US$__sg_path$__sg_US$__sg_cp$__sg_US$__sg_same$__sg_US$$.$HISTCMD$__sg_US$__sg_alias$__sg_US$__sg_m" >&$__sg_fd \
    || { __sg_fd=; builtin return 1; }
  __sg_dn=0
}

# Puts back what the hook needs when something switched it off, and says so.
__sg_repair() {
  __sg_broken= __sg_rt=$__sg_es
  [[ $- == *T* || $__sg_fresh ]] || __sg_broken+=" functrace"
  [[ $- == *T* ]] || builtin set -T
  __sg_fresh=
  if [[ $__sg_role == interactive ]]; then
    builtin shopt -qo history || { builtin set -o history; __sg_broken+=" history"; }
    # the typed line is read from the history: what keeps lines out of it must not change after arming
    [[ ${HISTCONTROL-}${HISTIGNORE-} && ! $__sg_startup_run ]] && { HISTCONTROL= HISTIGNORE=; __sg_broken+=" HISTCONTROL"; }
    __sg_histsize || __sg_broken+=" HISTSIZE"
    if [[ $__sg_pcarray ]]; then
      [[ ${PROMPT_COMMAND[*]} == *__sg_prompt* ]] || { PROMPT_COMMAND+=('\__sg_prompt'); __sg_broken+=" PROMPT_COMMAND"; }
    else
      [[ ${PROMPT_COMMAND-} == *$'\n\\__sg_prompt' || ${PROMPT_COMMAND-} == '\__sg_prompt' ]] \
        || { PROMPT_COMMAND=${PROMPT_COMMAND:+$PROMPT_COMMAND$'\n'}'\__sg_prompt'; __sg_broken+=" PROMPT_COMMAND"; }
    fi
    [[ ${PS0-} == *"$__sg_ps0"* ]] || { PS0=$__sg_ps0${PS0-}; __sg_broken+=" PS0"; }
  fi
  [[ ${BASH_ENV@a} == *x* ]] || { builtin export BASH_ENV; __sg_broken+=" BASH_ENV"; }
  if [[ $__sg_guard && ( ! ${LD_PRELOAD+x} || ${LD_PRELOAD@a} != *x* || " ${LD_PRELOAD//:/ } " != *" $__sg_guard "* ) ]]; then
    builtin declare -gx LD_PRELOAD="$__sg_guard${LD_PRELOAD:+:$LD_PRELOAD}"
    __sg_broken+=" LD_PRELOAD"
  fi
  [[ $__sg_broken ]] && __sg_send "A${__sg_US}tamper${__sg_US}the hook was switched off (${__sg_broken# }) and has been restored"
  builtin return 0
}

# Whether the history keeps the lines the hook reports (HISTSIZE unset, negative, or at least 100, as a
# string: an arithmetic test would evaluate the user's text); if not, makes it so and returns 1.
__sg_histsize() {
  [[ ! ${HISTSIZE+x} || $HISTSIZE =~ ^(-[0-9]+|[1-9][0-9]{2,})$ ]] && builtin return 0
  HISTSIZE=500
  builtin return 1
}

# The last entry of PROMPT_COMMAND: a command the DEBUG trap sees just before each prompt, so the last
# typed command's end is taken there and not when the user types the next one.
__sg_prompt() { :; }

# --- shells started in the session -----------------------------------------------------------------------

# An interactive bash gets the hook through the rc file; any other bash gets it through BASH_ENV.
bash() {
  if __sg_interactive_args "$@"; then
    builtin command bash --rcfile "$__sg_dir/rc.bash" "$@"
  else
    builtin command bash "$@"
  fi
}

# dash cannot be hooked: sh scripts, sh -c and an interactive sh run in a hooked bash in posix mode.
sh() {
  if __sg_interactive_args "$@"; then
    __SG_POSIX=1 builtin command bash --rcfile "$__sg_dir/rc.bash" "$@"
  else
    __SG_POSIX=1 builtin command bash "$@"
  fi
}
dash() { sh "$@"; }

__sg_interactive_args() {
  for __sg_k in "$@"; do
    case $__sg_k in
      -i|-s) builtin return 0 ;;
      --*) ;;
      -*c*) builtin return 1 ;;
      -*) ;;
      *) builtin return 1 ;;
    esac
  done
  builtin return 0
}

declare -A __sg_own=()
for __sg_k in __sg_connect __sg_send __sg_await __sg_fetch_policy __sg_take_pushed __sg_apply_policy __sg_find_on_path __sg_resolve \
    __sg_canonical __sg_scan __sg_expand __sg_esc __sg_tell __sg_refused __sg_suspicious __sg_t __sg_known __sg_upkeep __sg_judge __sg_pending __sg_unreachable \
    __sg_block __sg_flush_done __sg_classify __sg_decide_file __sg_report __sg_repair __sg_histsize \
    __sg_prompt __sg_interactive_args __sg_arm bash sh dash; do
  __sg_own[$__sg_k]=1
done

# Arms the hook in this shell; $1 is its role: interactive, exec (the command of an exec session) or child.
__sg_arm() {
  __sg_role=$1
  if [[ $__sg_clock ]]; then builtin printf -v __sg_es '%(%s)T' -1; else __sg_es=$EPOCHSECONDS; fi
  if [[ ${__SG_POSIX-} ]]; then builtin set -o posix; builtin shopt -s xpg_echo; fi
  builtin unset __SG_POSIX __SG_ROLE
  if [[ $1 == interactive ]]; then
    HISTCONTROL= HISTIGNORE=
    __sg_histsize
    builtin set -o history
    if [[ $__sg_pcarray ]]; then PROMPT_COMMAND=("${PROMPT_COMMAND[@]}" '\__sg_prompt')
    else PROMPT_COMMAND=${PROMPT_COMMAND:+$PROMPT_COMMAND$'\n'}'\__sg_prompt'; fi
    PS0=$__sg_ps0${PS0-}
    __sg_connect && __sg_fetch_policy || __sg_tell "cannot reach the gateway; commands will be refused"
  fi
  builtin declare -gx BASH_ENV="$__sg_dir/hook.bash"
  builtin readonly BASH_ENV
  # the exec guard arms with the hook, after the user's startup files: every program started from here on
  # carries it, and it puts itself back into the environment of every program it lets start
  if [[ -f $__sg_dir/guard.so ]]; then
    __sg_guard=$__sg_dir/guard.so
    [[ :${LD_PRELOAD-}: == *:"$__sg_guard":* ]] || LD_PRELOAD=$__sg_guard${LD_PRELOAD:+:$LD_PRELOAD}
    builtin export LD_PRELOAD
  fi
  builtin readonly -f "${!__sg_own[@]}"
  [[ $__sg_lane ]] && builtin readonly __sg_lane_go
  builtin readonly __sg_clock __sg_pcarray __sg_dir __sg_guard __sg_lane __sg_port __sg_key __sg_US __sg_RS __sg_trap __sg_ps0 __sg_za __sg_harmless __sg_guarded __sg_protected __sg_prefix \
    __sg_keywords __sg_own __sg_wrapper __sg_shells __sg_builtins
  builtin set -T
  builtin trap "$__sg_trap" DEBUG
}

fi

[[ $__sg_aliases_were_on ]] && \builtin shopt -s expand_aliases
\builtin unset __sg_aliases_were_on
# a bash started with BASH_ENV arms itself; the interactive one is armed by rc.bash after the user's files
[[ $- != *i* && ! ${__sg_role-} ]] && __sg_arm "${__SG_ROLE:-child}"
