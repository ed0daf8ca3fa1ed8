# ShellGuard command hook for zsh 5 (measured with zsh 5.9).
#
# Loaded into every zsh of a ShellGuard session through ZDOTDIR (zdot/ beside this file): a non-interactive
# zsh (zsh -c, scripts, vim's :!) is armed by zdot/.zshenv before the user's own .zshenv runs; an interactive
# one after the user's last startup file. The duties are hook.bash's and the wire format is in PROTOCOL.md;
# what differs is zsh, and this is why the code looks the way it does:
# - zsh calls the DEBUG trap once per sublist, not per simple command: ZSH_DEBUG_CMD is the whole
#   `a | b && c`, re-printed by the parser (aliases expanded, comments gone, redirections last, compound
#   commands laid out on lines, here-document bodies appended). The text is split with zsh's own lexer,
#   ${(z)}, and every command word is resolved; the sublist is asked as a whole when any word needs it.
#   The simple commands inside compound commands, function bodies, $( ) and ( ) get trap calls of their
#   own as well; counting them at the outer call too means a refused command stops a loop before it starts.
# - A trap string costs about 2.7 us a call, a TRAPDEBUG function about 13 us: the trap is a string, one
#   [[ ]] over a cache of texts known to need nobody; only a miss calls __sg_t. The trap string is never
#   swapped: in zsh each `trap`, like each function call or array assignment, costs system calls (signal
#   masks), which a program reported in a loop would pay twice per command. For the same reason the path
#   of a program reported before (the fast lane in __sg_t) uses scalars and writes without redirections.
# - Skipping: zsh skips the sublist when the trap sets ERR_EXIT, and saves and restores ERR_EXIT around
#   the trap, so neither the shell nor a `set -e` script dies. zsh also restores $? after the trap: a
#   skipped sublist leaves $? as it was (there is no way to make it fail, as hook.bash does with 126).
# - Every function here is defined under `emulate -R zsh -c` (see zdot/arm.zsh), which gives it sticky
#   emulation: it runs with zsh's default options whatever the user set (ksharrays, shwordsplit, nounset,
#   xtrace...) and was parsed without the user's aliases. That emulation is a firewall: an option set in
#   here is undone on return. Options the user's shell must get are therefore set by the trap string
#   itself, which runs in the user's context: ERR_EXIT whenever __sg_t fails (so a failure inside the hook
#   refuses the command rather than letting it through), plus those __sg_t leaves in __sg_opts
#   (DEBUG_BEFORE_CMD, when it was switched off).
# - zsh has no read-only functions, and `typeset +r` makes any parameter writable again. Unlike bash, the
#   trap sees every function definition, so definitions of the hook's names, `builtin` and TRAPDEBUG are
#   asked, and so are declarations with names only known when they run; once a second the hook also
#   compares its functions with the text they were loaded with and defines them again. Tables the
#   decision relies on are read-only, unlocked only for the moment the hook changes them. A user function
#   named `builtin` would capture every `builtin x` here: it is disabled at every slow-path call.
# - A trap runs with the DEBUG trap off (zsh never traces inside a trap), so what a trap would run is
#   judged when the trap is set: `trap 'rm x' EXIT` and TRAPxxx() definitions count their command words.
# - Every name is prefixed __sg_ (locals too: an expansion the hook evaluates must see the user's values).
# - The name tables shared with the gateway and the other hook (the tokens between double at-signs in the
#   source) are filled in by the build from scripts/target/protocol/protocol.def: the packaged hook has
#   them written out, exactly as if typed here; run it from the build (or Generate.java), not the source.

builtin zmodload zsh/parameter zsh/system zsh/datetime zsh/net/tcp || builtin return 1
[[ -n ${__sg_role-} ]] && builtin return 0      # armed already (a user sourcing this file again)

typeset -g __sg_dir=${${(%):-%x}:A:h}
typeset -g __sg_zdot=$__sg_dir/zdot
typeset -g __sg_guard=         # the exec guard's library, once armed (the installer leaves it only where it loads)
typeset -g __sg_US=$'\x1f' __sg_RS=$'\x1e' __sg_GS=$'\x1d'
typeset -g __sg_port= __sg_key= __sg_k= __sg_v=
while IFS='=' builtin read -r __sg_k __sg_v; do
  case $__sg_k in
    (port) __sg_port=$__sg_v ;;
    (key) __sg_key=$__sg_v ;;
  esac
done < $__sg_dir/session

typeset -g __sg_role=                 # interactive, exec (the command of an exec session), child
typeset -g __sg_fd= __sg_fdpid=       # this process's connection to the gateway, opened on first use
typeset -g __sg_pid=                  # this process ($$ stays the parent's in a subshell)
integer -g __sg_n=0                   # commands reported by this process
# A reported command waiting for its exit status: __sg_pn is $'\n' (no command text starts with one), which
# makes the next trap call miss the cache; that call records the command as done (sent with the next
# message, or as E at the prompt and on exit), with the status the trap string put in __sg_st: on a miss,
# `${__sg_st::=$?}` is evaluated inside the same [[ ]], before anything has changed $?.
typeset -g __sg_pn= __sg_pendpid=
integer -g __sg_pend=0 __sg_pend_t=0 __sg_dn=0 __sg_st=0 __sg_dstart=0 __sg_dend=0 __sg_now=0
typeset -ga __sg_opts
# (${ZSH_DEBUG_CMD-}: zsh sets it only when the trap runs before the command, and NO_UNSET may be on)
typeset -g __sg_trap='[[ -n ${__sg_h[$__sg_nl$__sg_pn${ZSH_DEBUG_CMD-}]-} || -z ${__sg_st::=$?} ]] || __sg_t "$@" || builtin setopt errexit "${__sg_opts[@]}"'
typeset -g __sg_nl=                   # $'\n' from preexec until the typed line's first command is seen
typeset -g __sg_typed=                # that line, as typed
typeset -g __sg_alive=                # set by every trap call in the hook's own functions (see __sg_precmd)
typeset -g __sg_broken=               # what was found switched off, for the next tamper report
integer -g __sg_rt=0                  # when the hook last checked it is whole (EPOCHSECONDS)
integer -g __sg_pt=0                  # when the policy was fetched
typeset -g __sg_pv= __sg_pmode=allow __sg_plines=0
typeset -ga __sg_pnames __sg_pglobs __sg_pfiles __sg_pfile_names
typeset -gA __sg_h                    # command texts that need nobody (value 1)
typeset -gA __sg_canon                # program path -> canonical path
# Command texts reported before (programs only): fields 11-15 of the message, the other words (field 19),
# then the word/path pairs to check again, GS (0x1d) separated. A hit needs no splitting and no policy
# matching.
typeset -gA __sg_rp
typeset -gA __sg_src                  # the hook's functions as loaded, to compare against
# Working variables of the slow path (globals: locals would hide the user's variables of the same names
# from the expansions the hook evaluates, and cost a declaration per call).
typeset -g __sg_text= __sg_verdict= __sg_res= __sg_path= __sg_cp= __sg_same= __sg_alias= \
  __sg_newline= __sg_wf= __sg_mod= __sg_w= __sg_xw= __sg_line= __sg_e= __sg_m= __sg_done= \
  __sg_words= __sg_stripped= __sg_v1= __sg_r1= __sg_p1= __sg_c1= __sg_where= __sg_mid= __sg_f= __sg_x=
typeset -ga __sg_fast __sg_cw __sg_cm __sg_ca __sg_cd __sg_defs __sg_tk __sg_queue __sg_xa __sg_reply __sg_pf __sg_hl __sg_hout \
  __sg_hpend __sg_htk
integer -g __sg_i=0 __sg_j=0 __sg_d=0 __sg_cpos=0 __sg_case=0 __sg_depth=0

# Builtins that can neither run another program nor change what the hook relies on. eval and source run
# code, but each of its commands gets a trap call; hash changes $commands, which the hook reads at each use.
typeset -gA __sg_harmless
for __sg_k in @@harmless zsh words@@; do
  __sg_harmless[$__sg_k]=1
done
# Builtins that could switch the hook off: their dangerous forms go to the gateway, the rest are harmless.
typeset -gA __sg_guarded
for __sg_k in @@guarded zsh words@@; do
  __sg_guarded[$__sg_k]=1
done
# Builtins after which a cached text may resolve to something else (a function or builtin gone).
typeset -gA __sg_uncache
for __sg_k in unfunction unhash unset disable enable zmodload functions autoload; do __sg_uncache[$__sg_k]=1; done
# Parameters the hook relies on: assigning them goes to the gateway.
typeset -gA __sg_protected
for __sg_k in @@variable zsh-assign words@@; do
  __sg_protected[$__sg_k]=1
done
# Programs that run programs named in their arguments: the gateway looks inside them when a rule could apply.
typeset -gA __sg_wrapper
for __sg_k in @@wrapper zsh words@@; do
  __sg_wrapper[$__sg_k]=1
done
# Shells: whether they keep the hook depends on how they are started, which the gateway judges.
typeset -gA __sg_shells
for __sg_k in @@shell zsh words@@; do __sg_shells[$__sg_k]=1; done
typeset -g __sg_redir='([0-9]#|)(&|)[<>][<>&|!]#(-|)'     # a redirection operator, as ${(z)} splits it

# --- talking to the gateway ------------------------------------------------------------------------------

# Opens this process's own connection (a subshell must not write on its parent's) and says hello:
# H <US> key <US> pid <US> session shell pid <US> ppid <US> SHLVL <US> zsh version <US> role.
__sg_connect() {
  local REPLY                          # ztcp sets it: not the user's
  __sg_fd=
  builtin ztcp 127.0.0.1 "$__sg_port" 2>/dev/null || builtin return 1
  __sg_fd=$REPLY __sg_fdpid=$__sg_pid
  builtin print -r -u $__sg_fd -- "H$__sg_US$__sg_key$__sg_US$__sg_pid$__sg_US$$$__sg_US$sysparams[ppid]$__sg_US$SHLVL${__sg_US}zsh/$ZSH_VERSION$__sg_US$__sg_role" \
    2>/dev/null || { __sg_fd=; builtin return 1; }
}

# A connection is usable when it is open and the gateway has not hung up on it. The gateway never writes
# unasked, so a socket with something to read was closed (or spoke out of turn): it is dropped, and a new
# one opened. Writing to a closed socket would raise SIGPIPE, which kills a shell without a word. sysread
# with no wait tells a hung-up socket (5) from a quiet one (4) with no array to assign.
__sg_usable() {
  if [[ -n $__sg_fd ]]; then
    builtin sysread -t 0 -i $__sg_fd -s 1 __sg_x
    (( $? == 4 )) && builtin return 0
    { builtin exec {__sg_fd}>&-; } 2>/dev/null
    __sg_fd=
  fi
  __sg_connect
}

__sg_send() {
  __sg_usable || builtin return 1
  builtin print -r -u $__sg_fd -- "$1" || { __sg_fd=; builtin return 1; }
}

# Reads replies until the verdict (V <US> id <US> A|B|T <US> rule); policy lines on the way are applied.
__sg_await() {
  while builtin read -r -t 30 -u $__sg_fd __sg_line 2>/dev/null; do
    case $__sg_line in
      (P$__sg_US*) __sg_apply_policy "$__sg_line" ;;
      (V$__sg_US*) __sg_reply=("${(@ps:\x1f:)__sg_line}"); builtin return 0 ;;
    esac
  done
  __sg_fd=
  builtin return 1
}

__sg_fetch_policy() {
  __sg_send P || builtin return 1
  builtin read -r -t 30 -u $__sg_fd __sg_line 2>/dev/null && [[ $__sg_line == P$__sg_US* ]] \
    && __sg_apply_policy "$__sg_line"
}

# P <US> version <US> allow|allowlist <US> line rules 0|1 <US> program names (space separated) <US> path globs (RS separated)
__sg_apply_policy() {
  __sg_pf=("${(@ps:\x1f:)1}")
  __sg_pt=$EPOCHSECONDS
  [[ $__sg_pf[2] == "$__sg_pv" ]] && builtin return 0
  __sg_unlock
  __sg_pv=$__sg_pf[2] __sg_pmode=$__sg_pf[3] __sg_plines=$__sg_pf[4]
  __sg_pnames=(${(s: :)__sg_pf[5]}) __sg_pglobs=(${(ps:\x1e:)__sg_pf[6]})
  __sg_pfiles=() __sg_pfile_names=() __sg_h=() __sg_rp=() __sg_canon=()
  for __sg_k in $__sg_pnames; do
    [[ $__sg_k == *[][*?]* || -z $commands[$__sg_k] ]] && continue
    __sg_pfiles+=($commands[$__sg_k]) __sg_pfile_names+=($__sg_k)
  done
  __sg_lock
}

# The tables the decision relies on are read-only except while the hook changes them.
__sg_unlock() { builtin typeset -g +r __sg_h __sg_rp __sg_canon __sg_pv __sg_pmode __sg_plines __sg_pnames __sg_pglobs __sg_pfiles __sg_pfile_names; }
__sg_lock() { [[ -n $__sg_role ]] && builtin typeset -gr __sg_h __sg_rp __sg_canon __sg_pv __sg_pmode __sg_plines __sg_pnames __sg_pglobs __sg_pfiles __sg_pfile_names; }

# --- splitting a sublist into its command words --------------------------------------------------------

# The command words of sublist text $1: __sg_cw (as written), __sg_cm (the precommand modifier each one
# follows: command, builtin, exec, query for command -v, or empty), __sg_ca (the arguments of a guarded
# builtin, space joined), __sg_cd (1 inside a compound command: for, if, { }, ( ) and the like, whose
# commands get trap calls of their own), __sg_defs (functions defined) and __sg_wf, flags: g an assignment
# to a protected name, f the text could not be split with certainty, x `exec` redirecting a descriptor of
# the hook's or one named by a variable. A trap's action and a TRAPxxx body run unseen later (zsh does not trace inside
# traps), so their command words are added here.
__sg_split() {
  __sg_cw=() __sg_cm=() __sg_ca=() __sg_cd=() __sg_defs=() __sg_wf= __sg_queue=("$1")
  while (( $#__sg_queue )); do
    __sg_text=$__sg_queue[1]
    __sg_queue[1]=()
    if [[ $__sg_text == *'<<'* ]]; then
      if __sg_strip_heredocs "$__sg_text"; then __sg_text=$__sg_stripped; else __sg_wf+=f; fi
    fi
    __sg_tk=(${(z)__sg_text})
    __sg_walk
  done
  __sg_text=$ZSH_DEBUG_CMD
}

# The parser appends here-document bodies after the line that opens them: they are words of no command.
# Returns 1 when that cannot be done with certainty (a body never closed, or a quoted word spanning lines,
# which would make the line-by-line reading below wrong).
__sg_strip_heredocs() {
  __sg_hl=("${(@f)1}") __sg_hout=() __sg_hpend=()
  for __sg_line in "${__sg_hl[@]}"; do
    if (( $#__sg_hpend )); then
      [[ $__sg_line == "$__sg_hpend[1]" ]] && __sg_hpend[1]=()
      builtin continue
    fi
    __sg_hout+=("$__sg_line")
    __sg_htk=(${(z)__sg_line})
    for (( __sg_j = 1; __sg_j < $#__sg_htk; __sg_j++ )); do
      [[ $__sg_htk[__sg_j] == ('<<'|'<<-') ]] && __sg_hpend+=("${(Q)__sg_htk[__sg_j+1]}")
    done
  done
  (( $#__sg_hpend )) && builtin return 1
  __sg_stripped=${(F)__sg_hout}
  [[ -z ${(M)${(z)__sg_stripped}:#*$'\n'*} ]]
}

# Moves __sg_i to the next token equal to $1 (or $2); sets f when there is none.
__sg_skip_to() {
  while (( __sg_i <= $#__sg_tk )) && [[ $__sg_tk[__sg_i] != ($1|${2:-$1}) ]]; do (( __sg_i++ )); done
  (( __sg_i <= $#__sg_tk )) || __sg_wf+=f
}

# Walks the tokens of one text (see __sg_split). __sg_cpos is set where a command may start; __sg_depth
# counts the compound commands around. Their words are walked too: a refused word there refuses the whole
# compound command before it starts.
__sg_walk() {
  __sg_i=1 __sg_cpos=1 __sg_case=0 __sg_mod= __sg_depth=0
  while (( __sg_i <= $#__sg_tk )); do
    __sg_w=$__sg_tk[__sg_i]
    case $__sg_w in
      (';;'|';&'|';|') __sg_case=1 __sg_cpos=1 __sg_mod=; (( __sg_i++ )); builtin continue ;;
      (';'|'&'|'&!'|'&|'|'|'|'||'|'&&'|'|&') __sg_cpos=1 __sg_mod=; (( __sg_i++ )); builtin continue ;;
      (always)
        # `{ ... } always { ... }`: the second block opens where the first closed
        if [[ $__sg_tk[__sg_i-1] == '}' ]]; then __sg_cpos=1; (( __sg_i++ )); builtin continue; fi ;;
      (*[\<\>]*|'{'*'}')
        if [[ $__sg_w == ${~__sg_redir} || ( $__sg_w == '{'[A-Za-z_]#'}' && $__sg_tk[__sg_i+1] == ${~__sg_redir} ) ]]; then
          # a redirection and its target; `exec` with no command yet redirects the shell itself
          if [[ $__sg_mod == exec ]] && (( __sg_cpos )) \
              && [[ $__sg_w == '{'* || ( -n $__sg_fd && $__sg_w == $__sg_fd[\<\>]* ) ]]; then
            __sg_wf+=x
          fi
          [[ $__sg_w == '{'* ]] && (( __sg_i++ ))
          (( __sg_i += 2 ))
          builtin continue
        fi ;;
    esac
    if (( ! __sg_cpos )); then (( __sg_i++ )); builtin continue; fi
    if [[ $__sg_tk[__sg_i+1] == '()' ]]; then
      # a function definition: its body runs, traced, only when it is called
      __sg_defs+=("$__sg_w")
      (( __sg_i += 2 ))
      [[ $__sg_tk[__sg_i] == '{' ]] || { __sg_wf+=f; builtin continue; }
      [[ $__sg_w == TRAP* ]] && builtin continue                           # a trap body: its words count
      __sg_skip_body
      __sg_cpos=0; builtin continue
    fi
    case $__sg_w in
      ('(')
        if (( __sg_case )); then __sg_skip_to ')'; __sg_case=0      # a case pattern
        else (( __sg_depth++ ))                                     # a subshell
        fi
        (( __sg_i++ )); builtin continue ;;
      (if|while|until|'{')
        (( __sg_depth++, __sg_i++ )); builtin continue ;;
      ('()'|'!'|time|coproc|nocorrect|elif|then|else|do)
        (( __sg_i++ )); builtin continue ;;
      (fi|done|esac|'}'|')')
        (( __sg_depth > 0 && __sg_depth-- ))
        __sg_cpos=0 __sg_case=0; (( __sg_i++ )); builtin continue ;;
      ('[[')
        __sg_skip_to ']]'; __sg_cpos=0; (( __sg_i++ )); builtin continue ;;
      ('(('*)
        __sg_cpos=0; (( __sg_i++ )); builtin continue ;;
      (for|foreach|select|repeat)
        (( __sg_depth++ )); __sg_skip_to ';' do; builtin continue ;;
      (case)
        (( __sg_depth++, __sg_i += 2 )); __sg_skip_to in; __sg_case=1 __sg_cpos=0; (( __sg_i++ )); builtin continue ;;
      ([A-Za-z_]([A-Za-z0-9_])#(\[*\]|)(+|)=*)
        __sg_k=${__sg_w%%[\[+=]*}
        [[ -n $__sg_protected[$__sg_k] || $__sg_k == (__sg_*|__SG_*) ]] && __sg_wf+=g
        [[ $__sg_w == *'=(' ]] && __sg_skip_to ')'
        (( __sg_i++ )); builtin continue ;;
      (noglob|-)
        if (( ! ${+functions[$__sg_w]} )); then (( __sg_i++ )); builtin continue; fi ;;
      (command|builtin|exec)
        if (( ! ${+functions[$__sg_w]} )); then
          __sg_mod=$__sg_w
          for (( __sg_i++; __sg_i <= $#__sg_tk; __sg_i++ )); do
            case $__sg_mod:$__sg_tk[__sg_i] in
              (command:-*[vV]*) __sg_mod=query ;;                 # command -v/-V only looks a name up
              (exec:-a) (( __sg_i++ )) ;;
              (*:--) (( __sg_i++ )); builtin break ;;
              (*:-*) ;;
              (*) builtin break ;;
            esac
          done
          builtin continue
        fi ;;
    esac
    __sg_m=
    if [[ -n $__sg_guarded[$__sg_w] ]]; then
      for (( __sg_j = __sg_i + 1; __sg_j <= $#__sg_tk; __sg_j++ )); do
        [[ $__sg_tk[__sg_j] == (';'|';;'|'|'|'||'|'&&'|'&'|'|&'|'&!'|'&|') ]] && builtin break
        __sg_m+=" $__sg_tk[__sg_j]"
      done
      if [[ $__sg_w == trap ]]; then
        __sg_k=${${${(z)__sg_m}:#--}[1]}
        [[ $__sg_k != -* ]] && __sg_queue+=("${(Q)__sg_k}")
      fi
    fi
    __sg_cw+=("$__sg_w") __sg_cm+=("$__sg_mod") __sg_ca+=("$__sg_m") __sg_cd+=($(( __sg_depth > 0 )))
    __sg_mod= __sg_cpos=0
    (( __sg_i++ ))
  done
}

# Skips a function body from its "{" to the matching "}". The parser puts a closing brace alone at the start
# of a line (so after a ";" token), and an opening one where a command may start.
__sg_skip_body() {
  __sg_d=0
  while (( __sg_i <= $#__sg_tk )); do
    if [[ $__sg_tk[__sg_i] == '{' && $__sg_tk[__sg_i-1] == (';'|'()'|'{'|'|'|'||'|'&&'|'!'|then|else|do|always|time|coproc) ]]; then
      (( __sg_d++ ))
    elif [[ $__sg_tk[__sg_i] == '}' && $__sg_tk[__sg_i-1] == ';' ]]; then
      (( --__sg_d == 0 )) && { (( __sg_i++ )); builtin return 0; }
    fi
    (( __sg_i++ ))
  done
  __sg_wf+=f
}

# Expands word $1 as zsh will (quotes, parameters, braces, globs, ~ and =cmd), without side effects; the
# remaining arguments are the user's positional parameters, for "$@" and "$1". Sets __sg_xw to the first
# resulting word; returns 1 when the word cannot be known before it runs.
__sg_expand() {
  # substitutions run commands; ${x=...} assigns, ${x?} fails, (e) and (%) evaluate, a[i++] assigns; and the
  # expansion runs inside the trap, where nothing is trapped, so nothing arithmetic either: subscripts
  # ($a[i], ${a[i]}), offsets (${x:n}) and flags with numbers evaluate a variable's value as an expression,
  # which may hold a[$(cmd)]. Such words go to the gateway unexpanded; zsh expands them outside the trap.
  [[ $1 == *('$('|'`'|'$['|'<('|'>('|'=('|'${'*[=?]*|'${('*|'${'[^}]#'['*|'$'[A-Za-z_0-9@*#]##'['*|'${'[^}:]#':'[^-+]*|'['*('++'|'--'|'=')*)* ]] && builtin return 1
  builtin setopt localoptions nonomatch nobareglobqual noextendedglob
  __sg_xw=$1
  builtin shift
  builtin eval "__sg_xa=( $__sg_xw )" 2>/dev/null || builtin return 1
  __sg_xw=${__sg_xa[1]-}
}

# --- the decision ----------------------------------------------------------------------------------------

__sg_esc() { __sg_e=${1//\\/\\\\}; __sg_e=${__sg_e//$'\n'/\\n}; __sg_e=${__sg_e//$__sg_US/\\u}; }

# Tells the user why a command did not run, on the shell's own stderr (the command's redirections do not apply).
__sg_tell() { builtin print -ru2 -- "shellguard: $1"; }

# The dangerous forms of guarded builtin $1 with arguments $2 (space joined); $__sg_text is the sublist.
__sg_suspicious() {
  [[ $__sg_text == *(__sg_|__SG_|@@variable zsh-text alternatives@@)* ]] \
    && builtin return 0
  __sg_m=$2
  for __sg_k in ${(z)__sg_m}; do
    __sg_k=${${${(Q)__sg_k}%%=*}%%\[*}
    [[ -n $__sg_protected[$__sg_k] ]] && builtin return 0
  done
  case $1 in
    (set|setopt|unsetopt|emulate)
      # option names ignore case and underscores
      [[ ${(L)__sg_m//_/} == *(debugbeforecmd|'$'|'`')* || $__sg_m == *' -'[a-zA-Z]#m* ]] ;;
    (trap) [[ ${(U)__sg_m} == *DEBUG* || $__sg_m == *[\$\`]* || $__sg_m == (| -) ]] ;;
    (unset|unfunction|unhash|functions|autoload) [[ $__sg_m == *[\$\`]* || $__sg_m == *' '[-+][a-zA-Z]#[mwc]* ]] ;;
    (zmodload) [[ $__sg_m == *[\$\`]* || $__sg_m == *' -'[a-zA-Z]#[uRFd]* ]] ;;
    (ztcp|zsocket|sysopen) [[ $__sg_m == *[\$\`]* || $__sg_m == *' -'[a-zA-Z]#[cu]* ]] ;;
    (enable|disable) builtin return 0 ;;
    (*)
      # declarations: a name known only when it runs may be a hook variable
      for __sg_k in ${(z)__sg_m}; do
        [[ $__sg_k == [-+]*m* || ( $__sg_k != [-+]* && ${__sg_k%%=*} == *[\$\`*?]* ) ]] && builtin return 0
      done
      builtin return 1 ;;
  esac
}

# Resolves word $1 as zsh runs it after modifier $2 (command: programs only, builtin: builtins only, exec:
# programs). Sets __sg_res (file|builtin|function|missing) and __sg_path.
__sg_resolve() {
  __sg_path=
  if [[ $1 == */* ]]; then
    __sg_res=file __sg_path=${1:a}
    [[ -e $__sg_path ]] || __sg_res=missing
  elif [[ -z $2 ]] && (( ${+functions[$1]} )); then __sg_res=function
  elif [[ $2 != (command|exec) ]] && (( ${+builtins[$1]} )); then __sg_res=builtin
  elif [[ $2 == builtin ]]; then __sg_res=missing
  elif [[ -n $commands[$1] ]]; then __sg_res=file __sg_path=$commands[$1]
  else __sg_res=missing
  fi
}

# A program: reported when no rule can match it, asked otherwise. $1 is the word as the user gave it.
# Sets __sg_verdict and __sg_cp, and adds to __sg_same the policy's programs that are this very file.
__sg_decide_file() {
  __sg_cp=$__sg_canon[$__sg_path]
  if [[ -z $__sg_cp ]]; then
    __sg_cp=${__sg_path:A}
    __sg_unlock; __sg_canon[$__sg_path]=$__sg_cp; __sg_lock
  fi
  __sg_verdict=report __sg_k=${__sg_cp:t}
  if [[ $__sg_pmode != allow || $__sg_plines == 1 || -n $__sg_shells[${__sg_path:t}] || -n $__sg_shells[$__sg_k] \
        || $__sg_k == env ]]; then
    __sg_verdict=ask
  elif [[ -n $__sg_wrapper[$__sg_k] ]] && (( $#__sg_pnames + $#__sg_pglobs > 0 )); then
    __sg_verdict=ask
  fi
  for __sg_k in $__sg_pnames; do
    [[ ${1:t} == ${~__sg_k} || ${__sg_path:t} == ${~__sg_k} || ${__sg_cp:t} == ${~__sg_k} ]] && __sg_verdict=ask
  done
  for __sg_k in $__sg_pglobs; do
    [[ $__sg_cp == ${~__sg_k} || $__sg_path == ${~__sg_k} ]] && __sg_verdict=ask
  done
  for (( __sg_j = 1; __sg_j <= $#__sg_pfiles; __sg_j++ )); do
    if [[ $__sg_path -ef $__sg_pfiles[__sg_j] ]]; then
      __sg_same+="${__sg_same:+ }$__sg_pfile_names[__sg_j]" __sg_verdict=ask
    fi
  done
}

# What one command word needs: cache (nobody), report, ask or own. $1 word, $2 modifier, $3 its arguments
# (guarded builtins only); the rest are the user's positional parameters. Sets __sg_verdict, __sg_res,
# __sg_path, __sg_cp and __sg_xw (the word expanded).
__sg_judge_word() {
  __sg_path= __sg_cp= __sg_xw=$1
  if [[ $2 == query ]]; then __sg_res=builtin __sg_verdict=cache; builtin return 0; fi
  if [[ $1 == *[\$\`\'\"\\\{*?\[~=]* ]] && ! __sg_expand "$1" "${@[4,-1]}"; then
    __sg_res=dynamic __sg_verdict=ask
    builtin return 0
  fi
  __sg_resolve "$__sg_xw" "$2"
  case $__sg_res in
    (builtin)
      __sg_verdict=report
      if [[ -n ${(M)__sg_pnames:#$__sg_xw} ]]; then __sg_verdict=ask
      elif [[ -n $__sg_harmless[$__sg_xw] ]]; then __sg_verdict=cache
      elif [[ -n $__sg_guarded[$__sg_xw] ]]; then
        # a guarded builtin reached through an expansion: its arguments were not collected
        if [[ $__sg_xw != $1 ]] || __sg_suspicious "$__sg_xw" "$3"; then __sg_verdict=ask; else __sg_verdict=cache; fi
      fi
      [[ $__sg_plines == 1 && $__sg_verdict == report ]] && __sg_verdict=ask ;;
    (function)
      if [[ -n $__sg_own[$__sg_xw] && -n $__sg_shells[$__sg_xw] ]]; then
        # the hook's bash/sh/dash: judged as the shell they start
        __sg_resolve "$__sg_xw" command
        __sg_decide_file "$__sg_xw"
        __sg_res=shell
      elif [[ -n $__sg_own[$__sg_xw] ]]; then __sg_verdict=own
      elif [[ -n $__sg_newline ]]; then __sg_verdict=report
      else __sg_verdict=cache
      fi ;;
    (file) __sg_decide_file "$__sg_xw" ;;
    (missing) [[ $__sg_plines == 1 || $__sg_pmode != allow ]] && __sg_verdict=ask || __sg_verdict=report ;;
  esac
}

# What the sublist needs: own (the hook's), cache (nobody: remember the text), pass (nobody this time),
# report (runs, the gateway is told) or ask (the gateway decides). A word inside a compound command counts only when it must be asked
# for a known reason: its own trap call reports it, and a word known only when it runs is judged then.
# Sets __sg_verdict; the first word's __sg_r1 (resolution), __sg_v1 (word), __sg_p1 (path) and __sg_c1
# (canonical), preferring one outside compound commands; __sg_same; __sg_words (the other words, word=path,
# RS separated); and __sg_fast, the word/path pairs to check when the text comes again, if a "report"
# verdict may be reused (all words plain names or absolute paths of programs). The arguments are the
# user's positional parameters.
__sg_classify() {
  __sg_split "$__sg_text"
  __sg_same= __sg_words= __sg_r1=keyword __sg_v1= __sg_p1= __sg_c1= __sg_fast=()
  integer __sg_rank=0 __sg_own_n=0 __sg_reuse=1 __sg_keep=1 __sg_first=0 __sg_f1=0   # rank: 0 cache, 1 report, 2 ask
  for (( __sg_d = 1; __sg_d <= $#__sg_cw; __sg_d++ )); do
    __sg_judge_word "$__sg_cw[__sg_d]" "$__sg_cm[__sg_d]" "$__sg_ca[__sg_d]" "$@"
    (( __sg_cd[__sg_d] )) && [[ $__sg_verdict == report || $__sg_res == dynamic ]] && __sg_verdict=cache
    case $__sg_verdict in
      (ask) __sg_rank=2 ;;
      (report) (( __sg_rank < 1 )) && __sg_rank=1 ;;
      (own) (( __sg_own_n++ )) ;;
    esac
    [[ -n $__sg_uncache[$__sg_xw] && $__sg_res == builtin ]] && { __sg_unlock; __sg_h=() __sg_rp=(); __sg_lock; }
    # a word that needed expanding may name another command next time: the text is judged each time
    [[ $__sg_cw[__sg_d] == *[\$\`\'\"\\\{*?\[~=]* ]] && (( ! __sg_cd[__sg_d] )) && __sg_keep=0
    [[ $__sg_res == file && $__sg_xw == $__sg_cw[__sg_d] && $__sg_xw != [^/]*/* && -z $__sg_cm[__sg_d] ]] || __sg_reuse=0
    __sg_fast+=("$__sg_xw" "$__sg_path")
    if (( __sg_d == 1 || ( ! __sg_first && ! __sg_cd[__sg_d] ) )); then
      # the first word outside compound commands, else the first word
      (( __sg_cd[__sg_d] )) || __sg_first=1
      __sg_r1=$__sg_res __sg_v1=$__sg_xw __sg_p1=$__sg_path __sg_c1=$__sg_cp __sg_f1=__sg_d
    fi
  done
  for (( __sg_d = 1; __sg_d <= $#__sg_cw; __sg_d++ )); do
    (( __sg_d == __sg_f1 )) || __sg_words+="${__sg_words:+$__sg_RS}$__sg_fast[2*__sg_d-1]=$__sg_fast[2*__sg_d]"
  done
  if (( $#__sg_cw && __sg_own_n == $#__sg_cw )); then __sg_verdict=own; builtin return 0; fi
  for __sg_k in $__sg_defs; do
    [[ $__sg_k == (__sg_*|TRAPDEBUG|builtin) || -n $__sg_own[$__sg_k] ]] && __sg_rank=2
  done
  [[ -n $__sg_wf || $__sg_text == *__sg_* ]] && __sg_rank=2
  [[ -n $__sg_same || $__sg_text == *[$'\n'\\$__sg_US]* ]] || (( ${__sg_cd[(I)1]} )) && __sg_reuse=0
  (( __sg_reuse )) || __sg_fast=()
  case $__sg_rank in
    (0) (( __sg_keep )) && __sg_verdict=cache || __sg_verdict=pass ;;
    (1) __sg_verdict=report ;;
    (*) __sg_verdict=ask ;;
  esac
}

# Sends R (runs, reported) or Q (the gateway decides); the typed line goes first when the command starts a
# new prompt line. Raw values only; the gateway derives origin and depth from them.
# R|Q <US> id <US> start <US> done <US> role <US> flags <US> subshell <US> source <US> line <US> function <US> cwd
#     <US> resolution <US> word <US> path <US> canonical <US> same-as <US> line id <US> alias <US> command <US> words
# Fields role to cwd are __sg_where (see __sg_t), resolution to same-as __sg_mid, both escaped already. A
# reported command (R) waits for its status from then on.
__sg_report() {
  __sg_usable || builtin return 1
  (( ++__sg_n ))
  __sg_alias=
  if [[ -n $__sg_newline ]]; then
    __sg_k=${${(z)__sg_typed}[1]}
    (( ${+aliases[$__sg_k]} )) && __sg_alias=$__sg_k
    builtin print -rn -u $__sg_fd -- "L$__sg_US$$.$HISTCMD$__sg_US$__sg_typed$__sg_RS" || { __sg_fd=; builtin return 1; }
  fi
  __sg_e=$__sg_alias$__sg_US$__sg_text$__sg_US$__sg_words
  if [[ $__sg_e == *[$'\n'\\]* || $__sg_e == *$__sg_US*$__sg_US*$__sg_US* ]]; then
    __sg_esc "$__sg_alias"; __sg_m=$__sg_e
    __sg_esc "$__sg_text"; __sg_m+=$__sg_US$__sg_e
    __sg_esc "$__sg_words"; __sg_e=$__sg_m$__sg_US$__sg_e
  fi
  __sg_done=
  (( __sg_dn )) && __sg_done=$__sg_pid.$__sg_dn,$__sg_st,$__sg_dstart,$__sg_dend
  builtin print -r -u $__sg_fd -- "$1$__sg_US$__sg_pid.$__sg_n$__sg_US$__sg_now$__sg_US$__sg_done$__sg_US$__sg_where$__sg_US$__sg_mid$__sg_US$$.$HISTCMD$__sg_US$__sg_e" \
    || { __sg_fd=; builtin return 1; }
  __sg_dn=0
  [[ $1 == R ]] && __sg_pending
  builtin return 0
}

# The command just reported or allowed runs now; the next trap call records its status.
__sg_pending() { __sg_pn=$'\n' __sg_pend=$__sg_n __sg_pend_t=$__sg_now __sg_pendpid=$__sg_pid; }

__sg_flush_done() {
  (( __sg_dn )) && __sg_send "E$__sg_US$__sg_pid.$__sg_dn,$__sg_st,$__sg_dstart,$__sg_dend"
  __sg_dn=0
  builtin return 0
}

# Stops the sublist about to run: the trap string sets ERR_EXIT in the user's context (see the top).
__sg_block() { builtin return 1; }

__sg_unreachable() {
  __sg_tell "the gateway cannot be reached; \"${__sg_text[1,60]}\" was not run"
  __sg_block
}

# The slow path: every command text the cache does not know. The arguments are the user's positional
# parameters. Returns 1 when the trap string must skip the sublist (it sets ERR_EXIT, plus __sg_opts).
__sg_t() {
  (( $#__sg_opts )) && __sg_opts=()
  (( ${+functions[builtin]} )) && { dis_functions[builtin]=$functions[builtin]; __sg_broken+=" builtin-function"; }
  __sg_pid=$sysparams[pid]
  if [[ $__sg_fdpid != $__sg_pid ]]; then
    # a forked subshell: it opens its own connection; what its parent was waiting for is not its own
    # (exec makes its redirections permanent: the 2>/dev/null must stay outside it)
    [[ -n $__sg_fd && -n $__sg_fdpid ]] && { builtin exec {__sg_fd}>&-; } 2>/dev/null
    __sg_fd= __sg_fdpid=$__sg_pid __sg_n=0 __sg_dn=0 __sg_pn=
  fi
  (( __sg_now = EPOCHREALTIME * 1000000 ))
  if [[ -n $__sg_pn ]]; then
    # the reported command before this one has finished; its status travels with the next message
    __sg_dn=$__sg_pend __sg_dstart=$__sg_pend_t __sg_dend=$__sg_now __sg_pn=
  fi
  if (( ! ${+ZSH_DEBUG_CMD} )); then
    # DEBUG_BEFORE_CMD is off: zsh now calls the trap after each command, too late to stop it
    __sg_broken+=" debugbeforecmd" __sg_opts+=(debugbeforecmd)
    __sg_repair
    builtin return 1
  fi
  # the hook's own code: its functions and its startup files (those of a zsh armed before they end)
  if [[ -n $__sg_own[${funcstack[2]-}] || ${funcstack[2]-} == $__sg_zdot/(.zshenv|.zprofile|.zshrc|.zlogin|.zlogout|user.zsh|arm.zsh) ]]; then
    __sg_alive=1
    [[ $funcstack[2] == (__sg_precmd|__sg_exit) ]] && __sg_flush_done
    builtin return 0
  fi
  __sg_text=$ZSH_DEBUG_CMD
  # where the command is (fields role to cwd): funcfiletrace[1] is the file and line the trap interrupted;
  # at the top level of a script zsh names no file there, ZSH_SCRIPT does
  __sg_k=${funcfiletrace[1]-} __sg_m= __sg_e=${ZSH_SCRIPT-} __sg_f=${compstate+c}${ZSH_EXECUTION_STRING+x}
  if (( $#funcstack > 1 )); then
    __sg_e=${__sg_k%:*}
    (( ${+functions[$funcstack[2]]} )) && __sg_m=$funcstack[2]
    [[ $funcstack[-1] == (precmd|preexec) ]] \
      || (( ${${precmd_functions[(Ie)$funcstack[-1]]}:-0} + ${${preexec_functions[(Ie)$funcstack[-1]]}:-0} )) \
      && __sg_f=p$__sg_f
  elif [[ -z $__sg_e ]]; then
    __sg_k=
  fi
  if [[ $__sg_e$__sg_m$PWD == *[$'\n'\\$__sg_US]* ]]; then
    __sg_esc "$__sg_e"
    __sg_where=$__sg_role$__sg_US$__sg_f$__sg_US$ZSH_SUBSHELL$__sg_US$__sg_e
    __sg_esc "$__sg_m"; __sg_where+=$__sg_US${__sg_k##*:}$__sg_US$__sg_e
    __sg_esc "$PWD"; __sg_where+=$__sg_US$__sg_e
  else
    __sg_where=$__sg_role$__sg_US$__sg_f$__sg_US$ZSH_SUBSHELL$__sg_US$__sg_e$__sg_US${__sg_k##*:}$__sg_US$__sg_m$__sg_US$PWD
  fi
  # the fast lane: a text reported before under this policy, each of its words still the same program
  __sg_v=${__sg_rp[$__sg_text]-}
  if [[ -n $__sg_v && -n $__sg_fd && -z $__sg_nl$__sg_broken && $ZDOTDIR == $__sg_zdot ]] \
      && (( EPOCHSECONDS == __sg_rt && EPOCHSECONDS - __sg_pt <= 3 )); then
    __sg_mid=${__sg_v%%$__sg_GS*} __sg_v=${__sg_v#*$__sg_GS}
    __sg_words=${__sg_v%%$__sg_GS*} __sg_v=${__sg_v#*$__sg_GS}
    while [[ -n $__sg_v ]]; do
      __sg_w=${__sg_v%%$__sg_GS*} __sg_v=${__sg_v#*$__sg_GS}
      __sg_path=${__sg_v%%$__sg_GS*}
      [[ $__sg_v == *$__sg_GS* ]] && __sg_v=${__sg_v#*$__sg_GS} || __sg_v=
      if [[ $__sg_w != /* ]]; then
        (( ${+functions[$__sg_w]} || ${+builtins[$__sg_w]} )) && builtin break
        [[ $commands[$__sg_w] == $__sg_path ]] || builtin break
      fi
      for __sg_k in $__sg_pfiles; do [[ $__sg_path -ef $__sg_k ]] && builtin break 2; done
      __sg_path=
    done
    if [[ -z $__sg_path ]]; then
      __sg_newline=
      __sg_report R || __sg_unreachable
      builtin return
    fi
  fi
  [[ $ZDOTDIR != $__sg_zdot || -n $__sg_broken ]] || (( EPOCHSECONDS != __sg_rt )) && __sg_repair
  (( EPOCHSECONDS - __sg_pt > 3 )) && __sg_fetch_policy
  __sg_newline=
  if [[ -n $__sg_nl ]] && (( $#funcstack == 1 )); then __sg_newline=1 __sg_nl=; fi
  __sg_classify "$@"
  # fields resolution to same-as
  __sg_mid=$__sg_r1$__sg_US$__sg_v1$__sg_US$__sg_p1$__sg_US$__sg_c1$__sg_US$__sg_same
  if [[ $__sg_mid == *[$'\n'\\]* || $__sg_v1$__sg_p1$__sg_c1 == *$__sg_US* ]]; then
    __sg_esc "$__sg_v1"; __sg_mid=$__sg_r1$__sg_US$__sg_e
    __sg_esc "$__sg_p1"; __sg_mid+=$__sg_US$__sg_e
    __sg_esc "$__sg_c1"; __sg_mid+=$__sg_US$__sg_e$__sg_US$__sg_same
  fi
  case $__sg_verdict in
    (own)
      __sg_flush_done
      builtin return 0 ;;
    (cache|pass)
      [[ -n $__sg_newline ]] && __sg_report R
      [[ $__sg_verdict == pass ]] && builtin return 0
      __sg_unlock
      (( $#__sg_h > 4096 )) && __sg_h=()
      __sg_h[$__sg_text]=1
      __sg_lock
      builtin return 0 ;;
    (report)
      __sg_report R || { __sg_unreachable; builtin return; }
      if (( $#__sg_fast )); then
        __sg_unlock
        (( $#__sg_rp > 4096 )) && __sg_rp=()
        __sg_rp[$__sg_text]=$__sg_mid$__sg_GS$__sg_words$__sg_GS${(pj:\x1d:)__sg_fast}
        __sg_lock
      fi
      builtin return 0 ;;
  esac
  if ! __sg_report Q || ! __sg_await; then __sg_unreachable; builtin return; fi
  case $__sg_reply[3] in
    (A) __sg_pending; builtin return 0 ;;
    (T) __sg_tell "blocked by policy \"$__sg_reply[4]\"; the session ends"; __sg_block ;;
    (*) __sg_tell "blocked by policy \"$__sg_reply[4]\""; __sg_block ;;
  esac
}

# Puts back what the hook needs when something switched it off, and says so. Runs at most once a second
# from the slow path, at once when ZDOTDIR changed, and from __sg_precmd when the trap did not fire.
__sg_repair() {
  __sg_rt=$EPOCHSECONDS
  # (while user.zsh runs one of the user's startup files, ZDOTDIR is rightly the user's)
  if [[ $ZDOTDIR != $__sg_zdot || ${parameters[ZDOTDIR]} != *export* ]] && (( ! ${funcstack[(Ie)$__sg_zdot/user.zsh]} )); then
    builtin typeset -gx ZDOTDIR=$__sg_zdot
    __sg_broken+=" ZDOTDIR"
  fi
  if [[ $__sg_role == interactive ]]; then
    (( ${preexec_functions[(Ie)__sg_preexec]} )) || { preexec_functions+=(__sg_preexec); __sg_broken+=" preexec"; }
    if (( ! ${precmd_functions[(Ie)__sg_precmd]} || ! ${precmd_functions[(Ie)__sg_optfix]} )); then
      precmd_functions=(__sg_optfix __sg_precmd ${precmd_functions:#__sg_(optfix|precmd)})
      __sg_broken+=" precmd"
    fi
  fi
  (( ${zshexit_functions[(Ie)__sg_exit]} )) || { zshexit_functions+=(__sg_exit); __sg_broken+=" zshexit"; }
  if [[ -n $__sg_guard && ( ${parameters[LD_PRELOAD]-} != *export* || " ${LD_PRELOAD//:/ } " != *" $__sg_guard "* ) ]]; then
    builtin typeset -gx LD_PRELOAD=$__sg_guard${LD_PRELOAD:+:$LD_PRELOAD}
    __sg_broken+=" LD_PRELOAD"
  fi
  for __sg_k in ${(k)__sg_src}; do
    [[ $functions[$__sg_k] == "$__sg_src[$__sg_k]" ]] || { functions[$__sg_k]=$__sg_src[$__sg_k]; __sg_broken+=" function:$__sg_k"; }
  done
  if [[ -n $__sg_broken ]]; then
    __sg_send "A${__sg_US}tamper${__sg_US}the hook was switched off (${__sg_broken# }) and has been restored"
    __sg_broken=
  fi
  builtin return 0
}

# --- prompt and exit hooks -------------------------------------------------------------------------------

# preexec: a line was read at the prompt; its first command sends it (L) and is reported. The trap calls
# on the statements here set __sg_alive: the last one clears it, or a line that removes the trap would
# leave it set for the next precmd, and the line after it would run unwatched.
__sg_preexec() {
  __sg_typed=${1:-$3} __sg_nl=$'\n'
  __sg_alive=
}

# precmd: every trap call in the hook's own functions sets __sg_alive, so when the first statement here did
# not set it the DEBUG trap is gone: it is set again. The last command's status was captured by the trap
# call of the first statement run after it, and goes out as E (see __sg_t).
__sg_precmd() {
  builtin :
  [[ -n $__sg_alive ]] || { __sg_broken+=" trap"; builtin trap "$__sg_trap" DEBUG; __sg_repair; }
  [[ $__sg_role == interactive ]] && __sg_send S
  __sg_alive=
}

# zshexit: a script's last command reports its status on the way out.
__sg_exit() {
  integer __sg_x=$?
  if [[ -n $__sg_pn && $__sg_pendpid == $sysparams[pid] ]]; then
    (( __sg_dend = EPOCHREALTIME * 1000000 ))
    __sg_dn=$__sg_pend __sg_st=$__sg_x __sg_dstart=$__sg_pend_t __sg_pn=
  fi
  __sg_flush_done
}

# --- shells started in the session -----------------------------------------------------------------------

# A zsh keeps the hook through ZDOTDIR. bash reads hook.bash through BASH_ENV, or rc.bash when interactive;
# dash cannot be hooked: sh runs as a hooked bash in posix mode (as in hook.bash).
bash() { __sg_bash '' "$@"; }
sh() { __sg_bash 1 "$@"; }
dash() { __sg_bash 1 "$@"; }

__sg_bash() {
  local __sg_b=$commands[bash] __SG_POSIX=$1
  builtin shift
  [[ -n $__SG_POSIX ]] && builtin export __SG_POSIX
  if [[ -z $__sg_b ]]; then builtin print -ru2 -- "zsh: command not found: bash"; builtin return 127; fi
  if __sg_interactive_args "$@"; then
    $__sg_b --rcfile $__sg_dir/rc.bash "$@"
  else
    $__sg_b "$@"
  fi
}

__sg_interactive_args() {
  for __sg_k in "$@"; do
    case $__sg_k in
      (-i|-s) builtin return 0 ;;
      (--*) ;;
      (-*c*) builtin return 1 ;;
      (-*) ;;
      (*) builtin return 1 ;;
    esac
  done
  builtin return 0
}

# A precmd function without sticky emulation: arm.zsh defines it from this text outside `emulate -c`. The
# trap call on its statement runs in the user's option context, so when DEBUG_BEFORE_CMD was switched off
# the option the trap string sets there stays set before the next line is read (set from one of the
# sticky functions here, it would be undone on their return). It is not compared with a loaded copy:
# defined again from here, it would become sticky.
typeset -g __sg_userctx="__sg_optfix() { 'builtin' ':'; }"

typeset -gA __sg_own
for __sg_k in ${(k)functions[(I)__sg_*]} __sg_optfix bash sh dash; do __sg_own[$__sg_k]=1; done

# Arms the hook in this shell; $1 is its role: interactive, exec (the command of an exec session) or child.
__sg_arm() {
  __sg_role=$1 __sg_pid=$sysparams[pid]
  builtin unset __SG_ROLE
  builtin typeset -gx ZDOTDIR=$__sg_zdot
  [[ -r $__sg_dir/hook.bash ]] && builtin typeset -gx BASH_ENV=$__sg_dir/hook.bash
  # the exec guard arms with the hook (see hook.bash): every program started from here on carries it
  if [[ -f $__sg_dir/guard.so ]]; then
    __sg_guard=$__sg_dir/guard.so
    [[ :${LD_PRELOAD-}: == *:$__sg_guard:* ]] || builtin typeset -gx LD_PRELOAD=$__sg_guard${LD_PRELOAD:+:$LD_PRELOAD}
    builtin export LD_PRELOAD
  fi
  if [[ $1 == interactive ]]; then
    preexec_functions+=(__sg_preexec)
    precmd_functions[1,0]=(__sg_optfix __sg_precmd)
  fi
  zshexit_functions+=(__sg_exit)
  for __sg_k in ${(k)__sg_own:#__sg_optfix}; do __sg_src[$__sg_k]=$functions[$__sg_k]; done
  __sg_connect && __sg_fetch_policy || __sg_tell "cannot reach the gateway; commands will be refused"
  __sg_rt=$EPOCHSECONDS
  builtin typeset -gr __sg_dir __sg_zdot __sg_guard __sg_port __sg_key __sg_US __sg_RS __sg_GS __sg_role __sg_trap \
    __sg_src __sg_harmless __sg_guarded __sg_uncache __sg_protected __sg_wrapper \
    __sg_shells __sg_redir __sg_own __sg_userctx
  __sg_lock
  builtin trap "$__sg_trap" DEBUG
}

builtin return 0
