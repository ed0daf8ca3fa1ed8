/*
 * ShellGuard hook lane: the bash hook's most common trap call, in C.
 *
 * hook.bash's DEBUG trap runs for every simple command. For a program met before under the current policy
 * (the usual case in a script) its work is bookkeeping and one report line, but in shell language that
 * costs about 0.4 ms per program on a 2-core VM, and the program itself starts more slowly: after each fork
 * every page the trap's statements write takes a copy-on-write fault (perf: about 52 faults per program
 * for the shell version, 34 with the lane, most of those bash's own parse of the trap text).
 *
 * The lane is a bash loadable builtin (`enable -f lane.so __sg_lane`) uploaded per session like the exec
 * guard; where it does not load, hook.bash does everything itself. A loaded builtin can be shadowed by a
 * function of the same name, so the trap never calls it as a command: loading creates the read-only
 * variable __sg_lane_go, whose value bash asks this library for whenever the trap's arithmetic reads it.
 * The value is 1 when the lane took the command, 0 when hook.bash's __sg_t must look at it. The lane takes
 * only what it can decide without judgment, exactly as __sg_t and __sg_judge do (the same checks, the same
 * shell variables left behind, the same messages on the wire; PROTOCOL.md): a text known to need nothing,
 * a program met before whose verdict was "report", and either of them as the first command of a typed
 * line (its L and R in one write, where the shell version needs three). Anything else (the once a second
 * upkeep, a refusal to undo, a policy too old, a field that would need escaping, a history time format)
 * leaves the shell's state as it was and returns 0, and __sg_t starts from scratch. At exit it sends the
 * status of the process's last program, which would otherwise wait for a next message.
 *
 * It is built against one bash's headers (Debian 12's bash-builtins: bash 5.2) and uses bash's exported
 * functions, its global variables and the layout of a shell variable. A bash of another version may differ in
 * any of them (bash 5.1 loads it without complaint and would run it), so the load function refuses every bash
 * whose version (dist_version, "5.1") is not the headers' DISTVERSION, before touching anything of the shell:
 * `enable -f` then fails with the reason on standard error, the library is unloaded, and the installer reports
 * the lane unavailable with that reason (hook.bash does everything itself). The installer also loads it only
 * into bash 5 and keeps it only when a bash there loads it and reads the variable.
 */
#include <config.h>
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "builtins.h"
#include "shell.h"
#include "execute_cmd.h"
#include "version.h"       /* DISTVERSION: the bash these headers are of */
#include "sg_protocol.h"   /* generated from scripts/target/protocol/protocol.def */

extern char *the_printed_command_except_trap;
extern int running_trap;
extern int function_trace_mode;
extern int subshell_level;
extern pid_t dollar_dollar_pid;
typedef struct { char *line; char *timestamp; void *data; } HIST_ENTRY;   /* readline's history.h */
extern HIST_ENTRY **history_list(void);
extern int history_length, history_base;
/* not among the installed headers (hashcmd.h, trap.h) */
extern char *phash_search(const char *);
#define DEBUG_TRAP NSIG

#define US SG_US_S
/* The R line below is written in the definition's field order; a change of that order must change it too. */
_Static_assert(SG_F_ID == 0 && SG_F_START == 1 && SG_F_DONE == 2 && SG_F_ROLE == 3 && SG_F_FLAGS == 4
               && SG_F_SUBSHELL == 5 && SG_F_SOURCE == 6 && SG_F_LINE == 7 && SG_F_FUNCTION == 8 && SG_F_CWD == 9
               && SG_F_RESOLUTION == 10 && SG_F_WORD == 11 && SG_F_PATH == 12 && SG_F_CANONICAL == 13
               && SG_F_SAME_AS == 14 && SG_F_LINE_ID == 15 && SG_F_ALIAS == 16 && SG_F_TEXT == 17
               && SG_REQUIRED_FIELDS == 18, "lane.c's R line does not follow protocol.def's command fields");
#define PROMPT_ENTRY "\\__sg_prompt"
#define OWN_TRAP_SWITCH "builtin trap \"$__sg_trap\""

/*
 * The hook's own variables, found once: every lookup by name writes to the variable's hash bucket (bash
 * counts hits), and after each fork every page written costs a copy-on-write fault, which is most of what
 * a trap call costs. Made non-unsettable here, so the cells stay where they are; the user cannot reach
 * them anyway (any command naming __sg_ goes to the gateway).
 */
enum {
  V_H, V_HD, V_WC, V_OWN, V_PFILES, V_U, V_RS, V_TMPFN, V_SKIPPING, V_FRESH, V_RT, V_NL, V_PN, V_PEND, V_PEND_T,
  V_DN, V_ST, V_DSTART, V_DEND, V_FDPID, V_FD, V_PT, V_ROLE, V_N, V_LASTH, V_COUNT
};
static const char *const NAMES[V_COUNT] = {
  "__sg_h", "__sg_hd", "__sg_wc", "__sg_own", "__sg_pfiles", "__sg_u", "__sg_rs", "__sg_tmpfn", "__sg_skipping",
  "__sg_fresh", "__sg_rt", "__sg_nl", "__sg_pn", "__sg_pend", "__sg_pend_t", "__sg_dn", "__sg_st", "__sg_dstart",
  "__sg_dend", "__sg_fdpid", "__sg_fd", "__sg_pt", "__sg_role", "__sg_n", "__sg_lasth"
};
static SHELL_VAR *vars[V_COUNT];

static int bound(void) {
  if (vars[0] != NULL) {
    return 1;
  }
  SHELL_VAR *found[V_COUNT];
  for (int i = 0; i < V_COUNT; i++) {
    found[i] = find_global_variable(NAMES[i]);
    int table = i <= V_OWN;
    if (found[i] == NULL || (table ? !assoc_p(found[i]) : i == V_PFILES ? !array_p(found[i]) : (array_p(found[i]) || assoc_p(found[i])))) {
      return 0;
    }
  }
  for (int i = 0; i < V_COUNT; i++) {
    VSETATTR(found[i], att_nounset);
    vars[i] = found[i];
  }
  return 1;
}

static const char *val(int i) {
  const char *v = invisible_p(vars[i]) ? NULL : value_cell(vars[i]);
  return v ? v : "";
}

static long long num(int i) {
  return strtoll(val(i), NULL, 10);
}

/* Assigns in place when the new value fits the old one's allocation: no malloc, no free. */
static void assign_in_place(SHELL_VAR *v, const char *value) {
  char *old = value_cell(v);
  size_t n = strlen(value);
  if (old != NULL && strlen(old) >= n) {
    memcpy(old, value, n + 1);
  } else {
    FREE(old);
    var_setvalue(v, savestring(value));
  }
  VUNSETATTR(v, att_invisible);
}

static void put(int i, const char *value) {
  assign_in_place(vars[i], value);
}

static void put_num(int i, long long n) {
  char b[24];
  snprintf(b, sizeof b, "%lld", n);
  put(i, b);
}

static const char *in_table(int i, const char *key) {
  return assoc_reference(assoc_cell(vars[i]), (char *)key);
}

/* Other shell variables, looked up each time: bash's own, which a user may unset and set again. */
static int is_set(const char *name) {
  SHELL_VAR *v = find_variable(name);
  return v != NULL && !invisible_p(v);
}

static const char *scalar(const char *name) {
  SHELL_VAR *v = find_variable(name);
  if (v == NULL || invisible_p(v) || array_p(v) || assoc_p(v)) {
    return "";
  }
  return value_cell(v) ? value_cell(v) : "";
}

/* (read even while bash hides it: FUNCNAME holds "main" at a script's top level, which a function
 * called from the trap, like __sg_t, sees as its caller) */
static const char *element(const char *name, arrayind_t i) {
  SHELL_VAR *v = find_variable(name);
  if (v == NULL || !array_p(v)) {
    return NULL;
  }
  return array_reference(array_cell(v), i);
}

/* Whether this process (pid) opened the hook's connection: a forked subshell inherits the shell's
 * variables and descriptor but must open its own, as __sg_connect does. */
static int owns_connection(const char *pid) {
  return strcmp(val(V_FDPID), pid) == 0 && *val(V_FD);
}

/*
 * Whether lines the gateway pushed (a policy, every 2 s while the shell is busy) wait unread on the
 * connection. Closing a socket with unread data resets it, and a reset discards what send_report holds back.
 */
static int pushes_unread(int fd) {
  int n = 0;
  return ioctl(fd, FIONREAD, &n) == 0 && n > 0;
}

/*
 * Writes a report. A script's program reports are held back by the kernel (MSG_MORE) and leave in batches:
 * sent one by one, each woke the target's sshd and the gateway, which on a 2-core server ran on the shell's
 * processor between its programs (the benchmark's 2,000 programs: about 0.1 ms each). Held data is not the
 * shell's to lose: the kernel sends it ahead of the hook's next plain write (a question, which waits for its
 * verdict), after at most 200 ms (Linux's ceiling for corked data), and when the socket closes, also when the
 * process is killed, unless unread data turns the close into a reset: take() has __sg_t read pushed lines
 * before the lane writes again. A line typed at the prompt leaves at once.
 */
static int send_report(int fd, const char *line, size_t n, int hold) {
  return send(fd, line, n, hold ? MSG_MORE : 0) == (ssize_t)n ? 0 : -1;
}

/* [[ file -ef other ]] against a file already stat'ed. */
static int same_file(const struct stat *file, const char *other) {
  struct stat so;
  return stat(other, &so) == 0 && file->st_dev == so.st_dev && file->st_ino == so.st_ino;
}

/* __sg_known: a program met before whose verdict was "report", still not shadowed by a function or the
 * hash table, and not the file of a program a rule names. Returns its "path US canonical path". */
static const char *known_program(const char *word, const char *command, time_t now) {
  const char *c = in_table(V_WC, word);
  if (c == NULL || strncmp(c, "report" US, 7) != 0 || strpbrk(word, "='\"\\$`{*?[~") != NULL
      || now - num(V_PT) > 3 || strstr(command, "__sg_") != NULL) {
    return NULL;
  }
  if (word[0] != '/' && find_function((char *)word) != NULL) {
    return NULL;
  }
  c += 7;
  const char *sep = strstr(c, US);
  size_t plen = sep ? (size_t)(sep - c) : strlen(c);
  char path[4096];
  if (plen >= sizeof path) {
    return NULL;
  }
  memcpy(path, c, plen);
  path[plen] = '\0';
  ARRAY *files = array_cell(vars[V_PFILES]);
  struct stat st;
  if (array_num_elements(files) > 0 && stat(path, &st) == 0) {
    for (arrayind_t i = 0; i <= array_max_index(files); i++) {
      const char *f = array_reference(files, i);
      if (f != NULL && same_file(&st, f)) {
        return NULL;
      }
    }
  }
  if (word[0] != '/') {
    char *hashed = phash_search((char *)word);
    int same = hashed != NULL && strcmp(hashed, path) == 0;
    free(hashed);
    if (!same) {
      return NULL;
    }
  }
  return c;
}

/* Now in microseconds since the epoch, as hook.bash's ${EPOCHREALTIME/./}. */
static void now_micros(char out[32]) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  snprintf(out, 32, "%ld%06ld", (long)tv.tv_sec, (long)tv.tv_usec);
}

/* A finished command as an R's done field and an E carry it: pid.n,status,startMicros,endMicros. */
static void completion(char *out, size_t size, const char *pid, const char *n, const char *status, const char *start,
                       const char *end) {
  snprintf(out, size, "%s.%s,%s,%s,%s", pid, n, status, start, end);
}

/*
 * The typed line for the first command of a prompt line, as __sg_report sends it: `history N` output for
 * every line since the last one reported (lines without a command never reach the trap), then RS. Returns
 * its length in out, 0 when only __sg_t can tell (a history time format, a line too long).
 */
static size_t typed_line(char *out, size_t cap, long histcmd) {
  const char *fmt = scalar("HISTTIMEFORMAT");
  HIST_ENTRY **list = history_list();
  if (*fmt || list == NULL || history_length <= 0) {
    return 0;
  }
  long last = num(V_LASTH), k = histcmd - last;
  if (last < 0 || k < 1 || k > 50) {
    k = 1;
  }
  if (k > history_length) {
    k = history_length;
  }
  size_t len = (size_t)snprintf(out, cap, "L" US "%ld.%ld" US, (long)dollar_dollar_pid, histcmd);
  for (int i = history_length - (int)k; i < history_length && len < cap; i++) {
    len += (size_t)snprintf(out + len, cap - len, "%5d%c %s\n", i + history_base, list[i]->data ? '*' : ' ', list[i]->line);
  }
  if (len + 1 >= cap) {
    return 0;
  }
  out[len++] = '\x1e';
  return len;
}

/* The trap's call: 1 when the lane took the command, 0 when __sg_t must (with __sg_rs set for it). */
static int take(void) {
  if (!bound()) {
    char status[16];
    snprintf(status, sizeof status, "%d", last_command_exit_value);
    bind_variable("__sg_rs", status, 0);
    return 0;
  }
  const char *command = the_printed_command_except_trap ? the_printed_command_except_trap : "";
  /* a text known to need nothing (the trap's whole work without the lane; keys never start with a blank) */
  if (!*val(V_U)) {
    const char *h = in_table(V_H, command);
    if (h != NULL && strtol(h, NULL, 10) != 0) {
      return 1;
    }
  }
  put_num(V_RS, last_command_exit_value);

  const char *fn = element("FUNCNAME", 0);
  const char *function = fn ? fn : "";
  const char *source = element("BASH_SOURCE", 0);
  time_t now_s = time(NULL);
  char pid[24];
  snprintf(pid, sizeof pid, "%ld", (long)getpid());
  if (strncmp(command, OWN_TRAP_SWITCH, strlen(OWN_TRAP_SWITCH)) == 0 || in_table(V_OWN, *function ? function : "main") != NULL
      || *val(V_TMPFN) || *val(V_SKIPPING) || *val(V_FRESH) || !function_trace_mode || now_s != num(V_RT)
      || find_function("builtin") != NULL || strcmp(command, PROMPT_ENTRY) == 0) {
    return 0;
  }
  /* the first command of a line typed at the prompt: __sg_judge's case, taken here when it is simple */
  int newline = 0;
  if (*val(V_NL)) {
    if (is_set("COMP_LINE") || *function || (source && *source)) {
      return 0;
    }
    newline = 1;
  }
  const char *hd = in_table(V_HD, command);
  const char *program = NULL;
  const char *pwd = scalar("PWD");
  char word[4096];
  size_t wlen = strcspn(command, " \t\n\v\f\r");
  char line[16384];
  size_t head = 0;
  const char *histcmd = NULL;   /* (a dynamic variable, computed at each lookup: read once, when needed) */
  /* a text known to need nothing sends nothing, unless it starts a typed line */
  if (newline || hd == NULL || !*hd) {
    if (!owns_connection(pid) || strpbrk(command, "\n\\" US) || strpbrk(pwd, "\n\\" US)
        || (source && strpbrk(source, "\n\\" US))) {
      return 0;
    }
    if (hd == NULL || !*hd) {
      if (wlen >= sizeof word) {
        return 0;
      }
      memcpy(word, command, wlen);
      word[wlen] = '\0';
      program = known_program(word, command, now_s);
      if (program == NULL) {
        return 0;
      }
    }
    if (newline) {
      histcmd = scalar("HISTCMD");
      head = typed_line(line, sizeof line / 2, strtol(histcmd, NULL, 10));
      if (head == 0) {
        return 0;
      }
    }
  }

  if (owns_connection(pid) && pushes_unread(atoi(val(V_FD)))) {
    put(V_RT, "0");   /* __sg_t's upkeep reads them, as it does once a second */
    return 0;
  }
  char now[32];
  now_micros(now);
  if (*val(V_PN)) {
    /* the reported command before this one has finished; its status travels with the next message */
    put(V_DN, val(V_PEND));
    put(V_ST, val(V_RS));
    put(V_DSTART, val(V_PEND_T));
    put(V_DEND, now);
    put(V_PN, "");
  }
  put(V_U, "");
  if (program == NULL && !newline) {
    return 1;
  }

  char done[128] = "";
  if (num(V_DN) != 0) {
    completion(done, sizeof done, pid, val(V_DN), val(V_ST), val(V_DSTART), val(V_DEND));
  }
  long long n = num(V_N) + 1;
  /* resolution, word, path, canonical path: a program's, or the cached text's own "resolution US word" */
  char resolution[4200];
  if (program != NULL) {
    snprintf(resolution, sizeof resolution, SG_RESOLUTION_FILE US "%s" US "%s", word, program);
  } else {
    const char *sep = strstr(hd, US);
    snprintf(resolution, sizeof resolution, "%.*s" US "%s" US US, sep ? (int)(sep - hd) : (int)strlen(hd), hd, sep ? sep + 1 : "");
  }
  if (histcmd == NULL) {
    histcmd = scalar("HISTCMD");
  }
  int len = snprintf(line + head, sizeof line - head,
      "R" US "%s.%lld" US "%s" US "%s" US "%s" US "%s%s" US "%d" US "%s" US "%d" US "%s" US "%s" US "%s"
      US US "%ld.%s" US US "%s\n",
      pid, n, now, done, val(V_ROLE), is_set("COMP_LINE") ? SG_FLAG_COMPLETION : "", is_set("BASH_EXECUTION_STRING") ? SG_FLAG_COMMAND_STRING : "",
      subshell_level, source ? source : "", executing_line_number(), function, pwd, resolution,
      (long)dollar_dollar_pid, histcmd, command);
  if (len <= 0 || (size_t)len >= sizeof line - head) {
    return 0;   /* (nothing sent, nothing to undo but the bookkeeping __sg_t would have done too) */
  }
  if (send_report(atoi(val(V_FD)), line, head + (size_t)len, !newline) != 0) {
    /* __sg_t finds the connection gone and refuses the command, as it would have without the lane */
    put(V_FD, "");
    return 0;
  }
  put_num(V_N, n);
  put(V_DN, "0");
  if (newline) {
    put(V_NL, "");
    put(V_LASTH, histcmd);
  }
  if (program != NULL) {
    /* the program runs now; its status is captured at the next trap call */
    put_num(V_PEND, n);
    put(V_PEND_T, now);
    put(V_PN, "1");
    put(V_U, " ");
  }
  return 1;
}

/*
 * A reported program's status travels with the process's next message, so the last program of a script
 * had none. At exit (bash ends a script with exit()), this process's own connection gets an E for it:
 * for the program still pending, bash's last status is the program's own.
 */
static void report_last_status(void) {
  if (vars[0] == NULL) {
    return;
  }
  char pid[24];
  snprintf(pid, sizeof pid, "%ld", (long)getpid());
  if (!owns_connection(pid)) {
    return;
  }
  char done[200];
  if (*val(V_PN)) {
    char status[16], now[32];
    snprintf(status, sizeof status, "%d", last_command_exit_value);
    now_micros(now);
    completion(done, sizeof done, pid, val(V_PEND), status, val(V_PEND_T), now);
  } else if (num(V_DN) != 0) {
    completion(done, sizeof done, pid, val(V_DN), val(V_ST), val(V_DSTART), val(V_DEND));
  } else {
    return;
  }
  char line[256];
  int len = snprintf(line, sizeof line, "E" US "%s\n", done);
  if (len > 0 && (size_t)len < sizeof line) {
    ssize_t ignored = write(atoi(val(V_FD)), line, (size_t)len);
    (void)ignored;
  }
}

static SHELL_VAR *lane_go(SHELL_VAR *self) {
  /* only the DEBUG trap's own read takes a command; `set` or `declare -p` listing the variable takes none */
  int in_debug_trap = running_trap == DEBUG_TRAP + 1;
  assign_in_place(self, in_debug_trap && take() ? "1" : "0");
  return self;
}

static SHELL_VAR *lane_assign(SHELL_VAR *self, char *value, arrayind_t unused, char *key) {
  return self;
}

static int lane_builtin(WORD_LIST *list) {
  printf("the ShellGuard hook's lane is loaded\n");
  return EXECUTION_SUCCESS;
}

int __sg_lane_builtin_load(char *name) {
  if (dist_version == NULL || strcmp(dist_version, DISTVERSION) != 0) {
    fprintf(stderr, "__sg_lane: built for bash %s, not bash %s\n", DISTVERSION, dist_version ? dist_version : "(unknown)");
    return 0;
  }
  /* `enable -d` would unload the library while the variable still points into it: keep it mapped */
  Dl_info self;
  if (dladdr((void *)lane_go, &self) == 0 || self.dli_fname == NULL || dlopen(self.dli_fname, RTLD_NOW | RTLD_NODELETE) == NULL) {
    return 0;
  }
  SHELL_VAR *v = bind_variable("__sg_lane_go", "0", 0);
  if (v == NULL) {
    return 0;
  }
  v->dynamic_value = lane_go;
  v->assign_func = lane_assign;
  VSETATTR(v, att_nounset);
  atexit(report_last_status);
  return 1;
}

static char *lane_doc[] = {"The ShellGuard hook's lane: reports programs for the session's hook.", NULL};

struct builtin __sg_lane_struct = {"__sg_lane", lane_builtin, BUILTIN_ENABLED, lane_doc, "__sg_lane", 0};
