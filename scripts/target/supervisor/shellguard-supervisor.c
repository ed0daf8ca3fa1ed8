/* ShellGuard supervisor: the ptrace layer of command control, one per session, the parent of the session's shell.
 *
 * The shell hook sees what a shell runs and the exec guard (a preloaded library) what dynamically linked programs
 * start through the C library. Neither sees a statically linked program, a raw execve/execveat system call or a
 * program run from a memfd. The kernel does: this tracer follows the session's whole process tree and stops every
 * process at its exec event, after the new image is loaded and before its first instruction runs.
 *
 *   shellguard-supervisor DIR PROGRAM [ARG...]   run PROGRAM (the session's start script) under the supervisor
 *   shellguard-supervisor --probe                print "shellguard-supervisor ready" if this machine lets it trace
 *
 * DIR is the supervisor's directory: `session` (port and key of the gateway's forward), `guard.policy` (its copy
 * of the session's policy, shared code with the exec guard), `watch` (the login's startup and key files, watched
 * while the session runs: startup-watch.c) and, in the privileged tier only, `login`.
 *
 * Why ptrace, and how (README, "The supervisor", says it for users):
 * - Armed before the shell runs: the supervisor connects to the gateway and says hello (role supervisor), forks,
 *   and the child waits on a pipe until the parent has PTRACE_SEIZEd it with TRACEFORK, TRACEVFORK, TRACECLONE,
 *   TRACEEXEC and EXITKILL; only then does it exec the shell. Every descendant is traced from its first
 *   instruction on, and no process of the session ever ran untraced.
 * - Only fork, clone and exec events (and signals, as for any tracee) stop a process, no PTRACE_SYSCALL: a start
 *   stops the parent at its fork and at the SIGCHLD of its child's end, the child at its start and its exec (and,
 *   privileged tier, at the exec call's entry). Only the exec stop does work: /proc/PID/exe (read and stat'ed),
 *   cwd and cmdline; the parent and its program are remembered from fork and exec events, the uid is known in the
 *   same-account tier (below, identify). A start no rule concerns runs on before its report is written, and
 *   reports are batched until the supervisor has nothing else to do. Everything else runs at full speed.
 * - Non-dumpable (PR_SET_DUMPABLE 0): a process of the same uid can neither ptrace it nor read its memory.
 *   Killing it (the login can signal its own processes) kills the whole session (EXITKILL), and the gateway,
 *   which sees its connection end without the supervisor's goodbye, ends the session with a SUPERVISOR_LOST
 *   alert: fail closed.
 * - Each start is decided with the exec guard's own code (guard/policy.c, guard/rules.c, guard/wire.c): a start
 *   no rule can concern runs and is reported (R); anything else is asked (Q) on the supervisor's connection, and
 *   waits. Pending reports go out before any other message, so nothing overtakes them; what a crash (or a kill
 *   by the login) loses is the reports not yet written, of starts made since the supervisor was last idle. A
 *   refused program is killed at its exec stop (SIGKILL: the new image is loaded, not run) after
 *   `shellguard: blocked by policy "RULE"` is written to its stderr.
 * - The path judged is /proc/PID/exe at the exec event, the file the kernel actually loaded (a memfd shows as
 *   `/memfd:NAME (deleted)`), not the path the caller passed, which is user memory and could change under us.
 *
 * Two tiers, the same binary:
 * - same-account (started as the login): setuid and setgid programs cannot gain privilege under an
 *   unprivileged tracer (the kernel runs them as the caller). Rather than let sudo fail in a confusing way, such
 *   a start is stopped at its exec event, the user is told why, and an `A setuid` message raises an alert.
 * - privileged (started as root, DIR/login present): the child drops to the login as sshd would (supplementary
 *   groups, gid, uid, HOME USER LOGNAME SHELL PATH, cwd home, the terminal's owner) after it is traced; the
 *   supervisor stays root, so the login can neither signal, trace, read nor replace it, and setuid programs keep
 *   their privilege under a root tracer (sudo works, and what it starts stays followed). `login` holds numbers,
 *   not names: a static binary has no NSS to look names up with, so the installer does it.
 *
 * Heartbeat: `K beat` every 5 seconds on the connection; `K end STATUS` when the session's shell ended, just
 * before the supervisor exits with that status (the rest of the session's processes die with it: EXITKILL).
 *
 * Limits: a script is judged as its interpreter with the script in argv; a program started by a process that
 * left the session's tree by other means than exec (none: the tree is the session) is unseen; nothing before the
 * session's shell is judged (the start script and what it runs are ShellGuard's own, see own_execs). */
#define _GNU_SOURCE
#include "guard.h"
#include "sha256.h"
#include "small-file.h"
#include "startup-watch.h"

#include <dirent.h>
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SG_OPTIONS (PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL \
                    | PTRACE_O_TRACESECCOMP)
/* Where a refusal can be made at the exec system call's entry (privileged tier): the architectures whose
 * registers the code below knows. Elsewhere the exec event's SIGKILL is the refusal. */
#if defined(__x86_64__)
#define SG_ENTRY_REFUSAL 1
#define SG_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define SG_AUDIT_ARCH AUDIT_ARCH_AARCH64
#else
#error "the supervisor's system call filter knows x86_64 and aarch64 only"
#endif
#define SG_BEAT_SECONDS 5
/* The most argument and environment bytes the kernel takes in one exec (3/4 of _STK_LIM, since Linux 4.13), and the
 * longest argument (MAX_ARG_STRLEN): what the privileged tier reads of argv at the exec call's entry, where it is
 * the caller's memory. A start with more is left to its exec event, where the kernel's copy is read. */
#define SG_KERNEL_ARGS (6UL << 20)
#define SG_KERNEL_ARG 131072UL
/* Memory for a start's arguments beyond this is given back after the start: a long argv is rare. */
#define SG_ARGS_KEPT (256UL << 10)
#define SG_SHELL "supervisor/1"
/* PATH for the login in the privileged tier, as Debian's sshd sets it. */
#define SG_LOGIN_PATH "/usr/local/bin:/usr/bin:/bin:/usr/games"

const char *sg_dir;
int sg_dir_len;

int sg_session_file(char *out, size_t size, const char *name) {
    return snprintf(out, size, "%.*s/%s", sg_dir_len, sg_dir, name) < (int)size ? 0 : -1;
}

static int gateway = -1;       /* the supervisor's connection: hello, reports, questions, heartbeat */
static pid_t shell_pid;        /* the child that runs the session's start script */
/* ShellGuard's own starts are not judged: the start script (the child's first exec), what it runs before it
 * execs the session's shell (its second exec, in the same process), and that shell. Judging begins then: the
 * shell's own startup files run under it. (The session's shell would not pass the gateway's analysis anyway:
 * `bash --rcfile ... -i` reads as a shell started around the hook, which is exactly what it is not.) */
static int own_execs, judging;
static unsigned counter;
static volatile sig_atomic_t beat, forward_signal, files_changed;
static int privileged;

/* The login of the privileged tier (DIR/login: uid, gid, groups, name, home, shell, one a line). */
static struct {
    uid_t uid;
    gid_t gid;
    gid_t groups[256];
    int ngroups;
    char name[64], home[PATH_MAX], shell[PATH_MAX];
} login;

/* One byte over the start-up pipes, again after a signal: the supervisor's handlers (the startup watch's SIGIO
 * above all, which a busy home raises at any time) are installed without SA_RESTART, so that the main loop wakes. */
static int read_byte(int fd, char *c) {
    ssize_t n;
    while ((n = read(fd, c, 1)) < 0 && errno == EINTR) {
    }
    return n == 1;
}

static int write_byte(int fd, char c) {
    ssize_t n;
    while ((n = write(fd, &c, 1)) < 0 && errno == EINTR) {
    }
    return n == 1;
}

static void say(const char *text) {
    ssize_t ignored = write(2, text, strlen(text));
    (void)ignored;
}

static void on_beat(int sig) {
    (void)sig;
    beat = 1;
}

static void on_forward(int sig) {
    forward_signal = sig;
}

static void on_files(int sig) {
    (void)sig;
    files_changed = 1;
}

/* What the gateway sent on the connection and ask has not read yet: verdicts are read a buffer at a time, not
 * a byte at a time as the exec guard's one-question connections are. */
static char inbox[SG_LINE];
static size_t inbox_start, inbox_end;

static int connect_gateway(void) {
    if (gateway >= 0) {
        return 0;
    }
    inbox_start = inbox_end = 0;
    gateway = sg_connect_as(SG_SHELL, SG_ROLE_SUPERVISOR);
    return gateway >= 0 ? 0 : -1;
}

/* One line from the gateway (without its \n) into buf; 0 on success, -1 on EOF, error, a line longer than buf or
 * the 30 s limit. */
static int read_gateway_line(char *buf, size_t size) {
    for (;;) {
        char *nl = memchr(inbox + inbox_start, '\n', inbox_end - inbox_start);
        if (nl) {
            size_t n = (size_t)(nl - (inbox + inbox_start));
            if (n >= size) {
                return -1;
            }
            memcpy(buf, inbox + inbox_start, n);
            buf[n] = 0;
            inbox_start += n + 1;
            return 0;
        }
        if (inbox_start > 0) {
            memmove(inbox, inbox + inbox_start, inbox_end - inbox_start);
            inbox_end -= inbox_start, inbox_start = 0;
        }
        if (inbox_end == sizeof inbox) {
            return -1; /* a line longer than any the protocol sends */
        }
        struct pollfd p = {.fd = gateway, .events = POLLIN};
        int ready = poll(&p, 1, 30000);
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            return -1;
        }
        ssize_t r = read(gateway, inbox + inbox_end, sizeof inbox - inbox_end);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return -1;
        }
        inbox_end += (size_t)r;
    }
}

static int send_now(const char *text, size_t n) {
    if (connect_gateway() != 0) {
        return -1;
    }
    if (sg_send(gateway, text, n) != 0) {
        close(gateway);
        gateway = -1;
        return -1;
    }
    return 0;
}

/* Reports (R) of starts that already run wait here and go out in one write when the supervisor has nothing else
 * to do (no stop pending), when this fills, and before any other message: a question, an alert, a heartbeat or
 * the goodbye never overtakes a report of an earlier start. */
static char batch[32768];
static size_t batched;

static void flush_reports(void) {
    if (batched) {
        send_now(batch, batched); /* a report lost with the connection costs the audit, never the user */
        batched = 0;
    }
}

static void queue_report(const char *text, size_t n) {
    if (batched + n > sizeof batch) {
        flush_reports();
    }
    if (n > sizeof batch) {
        send_now(text, n);
        return;
    }
    memcpy(batch + batched, text, n);
    batched += n;
}

/* Seconds of the last start judged: while starts come, the policy is asked for again between them rather than
 * during one (a session between commands asks nothing). */
static time_t last_start;

/* Nothing is pending: the reports go out, and a policy due to be asked for again is, before the supervisor sleeps. */
static void idle(void) {
    flush_reports();
    if (last_start && time(NULL) - last_start < SG_REFRESH_SECONDS && sg_policy_private_stale()) {
        sg_policy();
    }
}

static int send_line(const char *text, size_t n) {
    if (batched && batched + n <= sizeof batch) {
        memcpy(batch + batched, text, n);
        n += batched;
        batched = 0;
        return send_now(batch, n);
    }
    flush_reports();
    return send_now(text, n);
}

/* The policy, asked for on the supervisor's own connection: a round trip, where a connection of its own would
 * cost a new channel through the session's forward and a hello each time. */
static int ask_policy_line(char *line, size_t size) {
    if (send_line("P\n", 2) != 0) {
        return -1;
    }
    while (read_gateway_line(line, size) == 0) {
        if (line[0] == 'P' && line[1] == SG_US) {
            return 0;
        }
    }
    close(gateway);
    gateway = -1;
    return -1;
}

static void heartbeat(void) {
    char line[16];
    int n = snprintf(line, sizeof line, "K%cbeat\n", SG_US);
    send_line(line, (size_t)n);
}

/* A startup or key file of the login changed while the session ran (startup-watch.c): `A startup`. */
static void startup_file_changed(const char *file, const char *what) {
    char detail[PATH_MAX + 200], alert[2 * PATH_MAX + 420];
    snprintf(detail, sizeof detail, "~/%s %s during the session", file, what);
    size_t n = 0;
    char head[] = {'A', SG_US, 's', 't', 'a', 'r', 't', 'u', 'p', SG_US, 0};
    sg_append(alert, &n, sizeof alert, head);
    sg_append_escaped(alert, &n, sizeof alert - 1, detail);
    alert[n++] = '\n';
    send_line(alert, n);
}

/* --- what the kernel says about a process at its exec stop ------------------------------------------------ */

static void proc_link(pid_t pid, const char *what, char *out, size_t size) {
    char link[64];
    snprintf(link, sizeof link, "/proc/%d/%s", (int)pid, what);
    ssize_t n = readlink(link, out, size - 1);
    out[n > 0 ? n : 0] = 0;
}

/* A start's arguments, NUL-separated as the kernel keeps them (block[len] is 0), in memory of the supervisor's own
 * that grows to what the start has: the whole argv is judged, up to the kernel's own limits. */
struct argblock {
    char *data;
    size_t len, cap;
};

/* Room for more bytes and a terminating 0 after len; 0 on success. */
static int args_room(struct argblock *b, size_t more) {
    if (b->len + more + 1 <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + more + 1) {
        cap *= 2;
    }
    char *data = realloc(b->data, cap);
    if (!data) {
        return -1;
    }
    b->data = data, b->cap = cap;
    return 0;
}

/* After a start: memory a long argv took is given back. */
static void args_trim(struct argblock *b) {
    if (b->cap > SG_ARGS_KEPT) {
        free(b->data);
        *b = (struct argblock){0};
    }
}

/* argv from /proc/PID/cmdline, all of it; 0 on success, -1 when the supervisor has no memory for it. */
static int read_args(pid_t pid, struct argblock *b) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/cmdline", (int)pid);
    b->len = 0;
    if (args_room(b, 0) != 0) {
        return -1;
    }
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        /* the kernel fills a read of cmdline as far as argv goes: a short read is its end */
        for (;;) {
            if (b->cap - b->len < 4096 && args_room(b, b->cap) != 0) {
                close(fd);
                return -1;
            }
            size_t want = b->cap - 1 - b->len;
            ssize_t n = read(fd, b->data + b->len, want);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;
            }
            b->len += (size_t)n;
            if ((size_t)n < want) {
                break;
            }
        }
        close(fd);
    }
    b->data[b->len] = 0;
    return 0;
}

/* The start's first argument, its word; NULL when it has none. */
static const char *first_arg(const struct argblock *b) {
    return b->len ? b->data : NULL;
}

static void args_digest(const struct argblock *b, unsigned char out[32]) {
    struct sg_sha256 s;
    sg_sha256_init(&s);
    sg_sha256_update(&s, b->data, b->len);
    sg_sha256_final(&s, out);
}

/* PPid, and real and effective uid and gid, from /proc/PID/status. */
static void read_status(pid_t pid, pid_t *ppid, uid_t *uid, uid_t *euid, gid_t *gid, gid_t *egid) {
    char path[64], text[4096];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    int fd = open(path, O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, text, sizeof text - 1) : -1;
    if (fd >= 0) {
        close(fd);
    }
    text[n > 0 ? n : 0] = 0;
    *ppid = 0, *uid = *euid = (uid_t)-1, *gid = *egid = (gid_t)-1;
    char *at;
    if ((at = strstr(text, "\nPPid:"))) {
        *ppid = (pid_t)strtol(at + 6, NULL, 10);
    }
    if ((at = strstr(text, "\nUid:"))) {
        char *end;
        *uid = (uid_t)strtoul(at + 5, &end, 10);
        *euid = (uid_t)strtoul(end, NULL, 10);
    }
    if ((at = strstr(text, "\nGid:"))) {
        char *end;
        *gid = (gid_t)strtoul(at + 5, &end, 10);
        *egid = (gid_t)strtoul(end, NULL, 10);
    }
}

/* --- deciding one start ------------------------------------------------------------------------------------- */

struct start {
    pid_t pid;
    char exe[PATH_MAX], cwd[PATH_MAX], parent[PATH_MAX + 32], uid[24], same[1024];
    struct argblock args;
    struct stat st;
};

/* --- what the supervisor remembers of the session's processes ----------------------------------------------
 * A start's audit names its parent (`pid path`). Rather than read /proc/PID/status and the parent's exe at every
 * exec stop, each process's parent is noted at its fork event (the process that forked it) and each process's
 * program at its own exec stop (a fork inherits its parent's). A process the table does not know (forked by a
 * clone event, which may be a thread; its slot taken by another; forked before the parent's own fork event
 * reached the supervisor), or whose parent it no longer knows (exited), is read from /proc as before. */
#define SG_PROCS 1024
#define SG_PROC_EXE 256
static struct proc {
    pid_t pid, parent;    /* parent 0: not known */
    char exe[SG_PROC_EXE]; /* "" when longer than fits: read from /proc */
} procs[SG_PROCS];

static struct proc *proc_of(pid_t pid) {
    struct proc *p = &procs[(unsigned)pid % SG_PROCS];
    return p->pid == pid ? p : NULL;
}

static void proc_forked(pid_t parent, pid_t child) {
    struct proc *from = proc_of(parent), *p = &procs[(unsigned)child % SG_PROCS];
    p->pid = child;
    p->parent = from ? parent : 0;
    if (from) {
        memcpy(p->exe, from->exe, sizeof p->exe);
    } else {
        p->exe[0] = 0;
    }
}

static void proc_exec(pid_t pid, const char *exe) {
    struct proc *p = &procs[(unsigned)pid % SG_PROCS];
    if (p->pid != pid) {
        p->pid = pid, p->parent = 0;
    }
    size_t n = strlen(exe);
    if (n < sizeof p->exe) {
        memcpy(p->exe, exe, n + 1);
    } else {
        p->exe[0] = 0;
    }
}

static void proc_gone(pid_t pid) {
    struct proc *p = proc_of(pid);
    if (p) {
        p->pid = 0;
    }
}

static char reply[SG_LINE];
/* Where a start's message is built when no memory can be mapped for it: its text is then cut, and marked, to fit. */
static char fallback[SG_LINE];

/* The start's Q or R message (sg_message_release gives it back); 0 on success. */
static int start_message(char type, const struct start *s, char *id, size_t id_size, struct sg_message *msg) {
    char start[32];
    struct timeval now;
    gettimeofday(&now, NULL);
    snprintf(id, id_size, "%d.s%u", (int)s->pid, ++counter);
    snprintf(start, sizeof start, "%lld%06ld", (long long)now.tv_sec, (long)now.tv_usec);
    const char *word = first_arg(&s->args) ? first_arg(&s->args) : s->exe;
    const char *fields[SG_FIELDS] = {
        [SG_F_ID] = id, [SG_F_START] = start, [SG_F_ROLE] = SG_ROLE_SUPERVISOR, [SG_F_SUBSHELL] = "0",
        [SG_F_FUNCTION] = "execve", [SG_F_CWD] = s->cwd, [SG_F_RESOLUTION] = SG_RESOLUTION_FILE, [SG_F_WORD] = word,
        [SG_F_PATH] = s->exe, [SG_F_CANONICAL] = s->exe, [SG_F_SAME_AS] = s->same,
        [SG_F_PARENT] = s->parent, [SG_F_UID] = s->uid,
    };
    struct sg_args args = {.block = s->args.data, .size = s->args.len};
    return sg_start_message(type, fields, &args, "the supervisor", fallback, sizeof fallback, msg);
}

/* Asks the gateway (Q) and waits for its verdict: A, B or T and the rule; 0 when it cannot be reached. */
static char ask(const struct start *s, char *rule, size_t rule_size) {
    char id[48];
    struct sg_message message;
    if (start_message('Q', s, id, sizeof id, &message) != 0) {
        return 0;
    }
    int sent = send_line(message.data, message.len);
    sg_message_release(&message);
    if (sent != 0) {
        return 0;
    }
    size_t id_len = strlen(id);
    while (read_gateway_line(reply, sizeof reply) == 0) {
        /* V US id US A|B|T US rule; anything else on this connection is not for the supervisor */
        if (reply[0] != 'V' || reply[1] != SG_US || strncmp(reply + 2, id, id_len) != 0 || reply[2 + id_len] != SG_US) {
            continue;
        }
        char *act = reply + 2 + id_len;
        char *r = strchr(act + 1, SG_US);
        snprintf(rule, rule_size, "%s", r ? r + 1 : "");
        return act[1];
    }
    close(gateway);
    gateway = -1;
    return 0;
}

/* Tells the process's stderr (the session's terminal, usually) why it does not run; ours if that fails. */
static void tell(pid_t pid, const char *text) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/fd/2", (int)pid);
    int fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK);
    if (fd < 0 || write(fd, text, strlen(text)) < 0) {
        say(text);
    }
    if (fd >= 0) {
        close(fd);
    }
}

static void refuse(pid_t pid, const char *text) {
    tell(pid, text);
    kill(pid, SIGKILL);
}

/* A setuid or setgid image the same-account tier loaded without its privilege (the kernel's rule for a traced
 * process whose tracer lacks the privilege): stopped before it runs, said so, and alerted. */
static int lost_privilege(const struct start *s, uid_t euid, gid_t egid) {
    return !privileged && (((s->st.st_mode & S_ISUID) && s->st.st_uid != euid)
                           || ((s->st.st_mode & S_ISGID) && s->st.st_gid != egid));
}

/* Refuses a setuid or setgid start the same-account tier cannot let gain privilege, and raises the alert. */
static void lost(const struct start *s) {
    char text[PATH_MAX + 300], alert[PATH_MAX + 200];
    snprintf(text, sizeof text, "shellguard: %s is a setuid or setgid program, which cannot gain its privilege "
             "in a session supervised as the login itself; it was not started\n", s->exe);
    /* the path and the parent's are the login's to name: escaped, as every field of a message, so that no name
     * can end this line and forge another (a goodbye, a report) on the supervisor's connection */
    char detail[PATH_MAX + 100];
    snprintf(detail, sizeof detail, "%s started by %s; not run: the same-account supervisor cannot let it gain "
             "privilege", s->exe, s->parent);
    size_t n = 0;
    char head[] = {'A', SG_US, 's', 'e', 't', 'u', 'i', 'd', SG_US, 0};
    sg_append(alert, &n, sizeof alert, head);
    sg_append_escaped(alert, &n, sizeof alert - 1, detail);
    alert[n++] = '\n';
    alert[n] = 0;
    send_line(alert, n);
    refuse(s->pid, text);
}

static int was_approved(pid_t pid, const struct stat *st, const struct argblock *args);

/* uid, and the parent's pid and program, of a start stopped at its exec event. In the same-account tier run as an
 * account other than root, every process of the session has the supervisor's uid: the session's filter set
 * no_new_privs, so no setuid or setgid program and no file capability can change it, and without privilege no
 * process can. Elsewhere (root, sudo in the privileged tier) it is read from /proc. */
static uid_t own_uid = (uid_t)-1; /* (uid_t)-1: read every start's uid from /proc */

static void identify(pid_t pid, struct start *s) {
    struct proc *me = proc_of(pid), *parent = me && me->parent ? proc_of(me->parent) : NULL;
    pid_t ppid;
    uid_t uid = own_uid, euid;
    gid_t gid, egid;
    if (uid == (uid_t)-1 || !parent) {
        read_status(pid, &ppid, &uid, &euid, &gid, &egid);
        if (own_uid != (uid_t)-1) {
            uid = own_uid;
        }
        parent = proc_of(ppid);
    } else {
        ppid = me->parent;
    }
    snprintf(s->uid, sizeof s->uid, "%u", (unsigned)uid);
    if (parent && parent->exe[0]) {
        snprintf(s->parent, sizeof s->parent, "%d %s", (int)ppid, parent->exe);
    } else {
        char parent_exe[PATH_MAX];
        proc_link(ppid, "exe", parent_exe, sizeof parent_exe);
        snprintf(s->parent, sizeof s->parent, "%d %s", (int)ppid, parent_exe);
    }
}

static void judge_exec(pid_t pid, struct start *s);

static void on_exec(pid_t pid) {
    static struct start s;
    if (!judging) {
        judging = pid == shell_pid && ++own_execs == 2;
        proc_link(pid, "exe", s.exe, sizeof s.exe);
        proc_exec(pid, s.exe);
        ptrace(PTRACE_CONT, pid, 0, 0);
        return;
    }
    judge_exec(pid, &s);
    args_trim(&s.args);
}

static void judge_exec(pid_t pid, struct start *s) {
    s->pid = pid;
    last_start = time(NULL);
    char exe_link[64];
    snprintf(exe_link, sizeof exe_link, "/proc/%d/exe", (int)pid);
    proc_link(pid, "exe", s->exe, sizeof s->exe);
    if (stat(exe_link, &s->st) != 0) {
        if (errno == EACCES || errno == EPERM) {
            /* a program the login may run but not read: the kernel makes its process non-dumpable, which a tracer
             * without privilege may not look into; what cannot be judged does not run */
            refuse(pid, "shellguard: the supervisor cannot look into this program (the login may run it but not read "
                        "it); not started\n");
            return;
        }
        ptrace(PTRACE_CONT, pid, 0, 0); /* gone already */
        return;
    }
    proc_exec(pid, s->exe);
    if (read_args(pid, &s->args) != 0) {
        refuse(pid, "shellguard: the supervisor has no memory for this program's arguments; not started\n");
        return;
    }
    if (privileged && was_approved(pid, &s->st, &s->args)) {
        ptrace(PTRACE_CONT, pid, 0, 0); /* asked, answered and audited at the call's entry: the same file and argv */
        return;
    }
    proc_link(pid, "cwd", s->cwd, sizeof s->cwd);
    identify(pid, s);
    if (!privileged && (s->st.st_mode & (S_ISUID | S_ISGID))) {
        pid_t ppid;
        uid_t uid, euid;
        gid_t gid, egid;
        read_status(pid, &ppid, &uid, &euid, &gid, &egid);
        if (lost_privilege(s, euid, egid)) {
            lost(s);
            return;
        }
    }
    const struct sg_policy *p = sg_policy();
    if (!p) {
        char text[PATH_MAX + 80];
        snprintf(text, sizeof text, "shellguard: the gateway cannot be reached; not started: %s\n", s->exe);
        refuse(pid, text);
        return;
    }
    const char *word = first_arg(&s->args) ? first_arg(&s->args) : s->exe;
    int setid = (s->st.st_mode & (S_ISUID | S_ISGID)) != 0;
    int must_ask = p->allowlist || p->lines || p->overflow || sg_matches_rule(p, word, s->exe, s->exe)
                   || (setid && p->nnames + p->nglobs > 0);
    s->same[0] = 0;
    sg_same_as(p, exe_link, &s->st, s->same, sizeof s->same);
    if (!must_ask && !s->same[0]) {
        /* what the report says was read while the process was stopped; it runs while the report is written */
        ptrace(PTRACE_CONT, pid, 0, 0);
        char id[48];
        struct sg_message message;
        if (start_message('R', s, id, sizeof id, &message) == 0) {
            queue_report(message.data, message.len);
            sg_message_release(&message);
        }
        return;
    }
    char rule[256] = "";
    char action = ask(s, rule, sizeof rule);
    if (action == 'A') {
        ptrace(PTRACE_CONT, pid, 0, 0);
        return;
    }
    char text[600];
    if (action == 'B' || action == 'T') {
        snprintf(text, sizeof text, "shellguard: blocked by policy \"%s\"%s\n", rule,
                 action == 'T' ? "; the session ends" : "");
    } else {
        snprintf(text, sizeof text, "shellguard: the gateway cannot be reached; not started: %s\n", s->exe);
    }
    refuse(pid, text);
}

/* --- the privileged tier: refusing at the exec system call's entry -------------------------------------------
 * As root the child installs, before it drops to the login, a seccomp filter that makes execve and execveat stop
 * at their entry (SECCOMP_RET_TRACE; root needs no no_new_privs for it, so setuid programs keep working). A start
 * that must be asked is asked there and a refusal fails the call with EACCES, as the exec guard's does: the
 * program is never loaded. The path at entry is the caller's memory, which another thread may change before the
 * kernel reads it; so the file approved at entry is remembered, and the exec event checks that the file loaded is
 * that one (any other is decided again there). */

static struct approved {
    pid_t pid;
    dev_t dev;
    ino_t ino;
    unsigned char args[32]; /* SHA-256 of the argv approved, as the kernel keeps it (NUL-separated) */
} approved[256];

__attribute__((unused)) static void approve(pid_t pid, const struct stat *st, const struct argblock *args) {
    static unsigned next;
    struct approved *a = NULL;
    for (size_t i = 0; i < sizeof approved / sizeof approved[0] && !a; i++) {
        if (approved[i].pid == pid) {
            a = &approved[i];
        }
    }
    if (!a) {
        a = &approved[next++ % (sizeof approved / sizeof approved[0])];
    }
    a->pid = pid, a->dev = st->st_dev, a->ino = st->st_ino;
    args_digest(args, a->args);
}

/* Whether the file pid just loaded, and the argv the kernel copied, are the ones approved at its exec's entry (and
 * forgets the approval): another thread of the caller may change its memory between the entry and the kernel's copy. */
static int was_approved(pid_t pid, const struct stat *st, const struct argblock *args) {
    for (size_t i = 0; i < sizeof approved / sizeof approved[0]; i++) {
        if (approved[i].pid == pid) {
            approved[i].pid = 0;
            unsigned char loaded[32];
            args_digest(args, loaded);
            return approved[i].dev == st->st_dev && approved[i].ino == st->st_ino
                   && memcmp(approved[i].args, loaded, sizeof loaded) == 0;
        }
    }
    return 0;
}

/*
 * The containment filter, installed by the session's first process before it runs anything of the login's, in both
 * tiers, inherited by every process of the session and impossible to remove:
 * - clone with CLONE_UNTRACED fails (EPERM): the kernel would not attach such a child to the supervisor, and it
 *   could run anything unseen and outlive the session; clone3, whose flags are in memory a filter cannot read, fails
 *   with ENOSYS, which makes the C library fall back to clone;
 * - ptrace fails (EPERM): a process of the session, untraced or not, may not trace another (the privileged tier's
 *   exec stops would otherwise be answerable by a tracer of the login's); on x86_64 the call stops first
 *   (SECCOMP_RET_TRACE with SG_TRACE_PTRACE as its data) so that the supervisor can say why before it fails it:
 *   gdb and strace alone only say "Operation not permitted";
 * - system calls of another ABI (i386 or x32 on x86_64) kill the process: their numbers mean other calls, which
 *   this filter does not judge;
 * - in the privileged tier on x86_64, execve and execveat stop at their entry (SECCOMP_RET_TRACE), so a refused
 *   start fails with EACCES before the program is loaded.
 * Root needs no no_new_privs to install it; the login does (the same-account tier), which costs nothing there:
 * that tier refuses setuid programs already (an unprivileged tracer makes them run without their privilege).
 */
/* The data of the filter's SECCOMP_RET_TRACE for ptrace; execve's is 0. */
#define SG_TRACE_PTRACE 1
#ifdef SG_ENTRY_REFUSAL
#define SG_PTRACE_REFUSAL (SECCOMP_RET_TRACE | SG_TRACE_PTRACE)
#else
#define SG_PTRACE_REFUSAL (SECCOMP_RET_ERRNO | EPERM)
#endif

static int install_filter(int entry_refusal) {
#ifndef CLONE_UNTRACED
#define CLONE_UNTRACED 0x00800000
#endif
#ifndef __X32_SYSCALL_BIT
#define __X32_SYSCALL_BIT 0x40000000
#endif
    unsigned trace_exec = entry_refusal ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SG_AUDIT_ARCH, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
#if defined(__x86_64__)
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, __X32_SYSCALL_BIT, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
#endif
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ptrace, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SG_PTRACE_REFUSAL),
#ifdef __NR_clone3
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
#endif
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 4),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])), /* the flags' low half */
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_UNTRACED, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execve, 2, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execveat, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_RET | BPF_K, trace_exec),
    };
    struct sock_fprog prog = {.len = sizeof code / sizeof code[0], .filter = code};
    if (geteuid() != 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        return -1;
    }
    return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

#ifdef SG_ENTRY_REFUSAL
/* A NUL-terminated string of the tracee's memory at addr (root reads any tracee's /proc/PID/mem) into out (size bytes,
 * the NUL included), read a page at a time; its length, or -1 when it is unreadable or does not fit. */
static ssize_t read_string(int mem, unsigned long addr, char *out, size_t size) {
    size_t len = 0;
    while (len < size) {
        size_t chunk = 4096 - ((addr + len) % 4096);
        if (chunk > size - len) {
            chunk = size - len;
        }
        ssize_t n = pread(mem, out + len, chunk, (off_t)(addr + len));
        if (n <= 0) {
            return -1;
        }
        char *nul = memchr(out + len, 0, (size_t)n);
        if (nul) {
            return nul - out;
        }
        len += (size_t)n;
    }
    return -1;
}

/* argv as the caller passes it at the exec call's entry, NUL-separated as the kernel will keep it; 0 when it is
 * read whole, -1 when it cannot be (unreadable memory, more than the kernel takes, no memory), and the exec event,
 * which reads the kernel's own copy, is to decide. */
static int read_caller_args(int mem, unsigned long argv_addr, struct argblock *b) {
    b->len = 0;
    unsigned long ptrs[512];
    for (unsigned long at = argv_addr;;) {
        ssize_t got = pread(mem, ptrs, sizeof ptrs, (off_t)at);
        if (got < (ssize_t)sizeof ptrs[0]) {
            return -1;
        }
        size_t n = (size_t)got / sizeof ptrs[0];
        for (size_t i = 0; i < n; i++) {
            if (!ptrs[i]) {
                return args_room(b, 0);
            }
            if (args_room(b, SG_KERNEL_ARG) != 0) {
                return -1;
            }
            ssize_t len = read_string(mem, ptrs[i], b->data + b->len, SG_KERNEL_ARG);
            if (len < 0 || b->len + (size_t)len + 1 > SG_KERNEL_ARGS) {
                return -1;
            }
            b->len += (size_t)len + 1;
            b->data[b->len] = 0;
        }
        at += n * sizeof ptrs[0];
    }
}

static void judge_exec_entry(pid_t pid, struct start *s);

static void on_exec_entry(pid_t pid) {
    static struct start s;
    if (!judging) {
        ptrace(PTRACE_CONT, pid, 0, 0); /* ShellGuard's own starts: see own_execs */
        return;
    }
    judge_exec_entry(pid, &s);
    args_trim(&s.args);
}

static void judge_exec_entry(pid_t pid, struct start *s) {
    struct user_regs_struct regs;
    if (ptrace(PTRACE_GETREGS, pid, 0, &regs) != 0) {
        return;
    }
    int at = regs.orig_rax == __NR_execveat;
    unsigned long path_addr = at ? regs.rsi : regs.rdi, argv_addr = at ? regs.rdx : regs.rsi;
    int dirfd = at ? (int)regs.rdi : AT_FDCWD;
    char mem_path[64], given[PATH_MAX], file[PATH_MAX + 64];
    snprintf(mem_path, sizeof mem_path, "/proc/%d/mem", (int)pid);
    int mem = open(mem_path, O_RDONLY);
    if (mem < 0 || read_string(mem, path_addr, given, sizeof given) < 0) {
        if (mem >= 0) {
            close(mem);
        }
        ptrace(PTRACE_CONT, pid, 0, 0); /* unreadable: the exec event decides */
        return;
    }
    if (given[0] == '/') {
        snprintf(file, sizeof file, "%s", given);
    } else if (dirfd == AT_FDCWD) {
        snprintf(file, sizeof file, "/proc/%d/cwd/%s", (int)pid, given);
    } else if (!given[0]) {
        snprintf(file, sizeof file, "/proc/%d/fd/%d", (int)pid, dirfd);
    } else {
        snprintf(file, sizeof file, "/proc/%d/fd/%d/%s", (int)pid, dirfd, given);
    }
    s->pid = pid;
    if (stat(file, &s->st) != 0 || !S_ISREG(s->st.st_mode)) {
        close(mem);
        ptrace(PTRACE_CONT, pid, 0, 0); /* nothing to run: the call fails on its own */
        return;
    }
    if (!realpath(file, s->exe)) {
        snprintf(s->exe, sizeof s->exe, "%s", file);
    }
    /* decided on the path alone first: what no rule concerns runs on, and its exec event reports it */
    const struct sg_policy *p = sg_policy();
    const char *word = given[0] ? given : s->exe;
    int setid = (s->st.st_mode & (S_ISUID | S_ISGID)) != 0;
    if (p) {
        s->same[0] = 0;
        sg_same_as(p, file, &s->st, s->same, sizeof s->same);
        if (!p->allowlist && !p->lines && !p->overflow && !sg_matches_rule(p, word, s->exe, s->exe)
            && !(setid && p->nnames + p->nglobs > 0) && !s->same[0]) {
            close(mem);
            ptrace(PTRACE_CONT, pid, 0, 0);
            return;
        }
    }
    if (read_caller_args(mem, argv_addr, &s->args) != 0) {
        close(mem);
        ptrace(PTRACE_CONT, pid, 0, 0); /* the exec event decides, on the kernel's copy */
        return;
    }
    close(mem);
    proc_link(pid, "cwd", s->cwd, sizeof s->cwd);
    pid_t ppid;
    uid_t uid, euid;
    gid_t gid, egid;
    read_status(pid, &ppid, &uid, &euid, &gid, &egid);
    snprintf(s->uid, sizeof s->uid, "%u", (unsigned)uid);
    char caller[PATH_MAX];
    proc_link(pid, "exe", caller, sizeof caller);
    snprintf(s->parent, sizeof s->parent, "%d %s", (int)pid, caller); /* the caller itself, about to be replaced */
    char rule[256] = "";
    char action = p ? ask(s, rule, sizeof rule) : 0;
    if (action == 'A') {
        approve(pid, &s->st, &s->args);
        ptrace(PTRACE_CONT, pid, 0, 0);
        return;
    }
    char text[600];
    if (action == 'B' || action == 'T') {
        snprintf(text, sizeof text, "shellguard: blocked by policy \"%s\"%s\n", rule, action == 'T' ? "; the session ends" : "");
    } else {
        snprintf(text, sizeof text, "shellguard: the gateway cannot be reached; not started: %s\n", s->exe);
    }
    tell(pid, text);
    regs.orig_rax = (unsigned long)-1; /* the call is skipped, and returns what rax holds */
    regs.rax = (unsigned long)-EACCES;
    if (ptrace(PTRACE_SETREGS, pid, 0, &regs) != 0) {
        kill(pid, SIGKILL);
    }
    ptrace(PTRACE_CONT, pid, 0, 0);
}

/* A process of the session calls ptrace (gdb, strace): told why once, and the call fails with EPERM. Failing it is
 * not a choice: every process of the session has the supervisor as its tracer already, and a process has one. */
static void on_ptrace(pid_t pid) {
    static pid_t told[64];
    static unsigned next;
    int seen = 0;
    for (size_t i = 0; i < sizeof told / sizeof told[0]; i++) {
        seen |= told[i] == pid;
    }
    if (!seen) {
        told[next++ % (sizeof told / sizeof told[0])] = pid;
        tell(pid, "shellguard: ptrace (gdb, strace) cannot run in this session: its supervisor already traces every "
                  "process of the session, and a process has one tracer\n");
    }
    struct user_regs_struct regs;
    if (ptrace(PTRACE_GETREGS, pid, 0, &regs) != 0) {
        return; /* gone */
    }
    regs.orig_rax = (unsigned long)-1;
    regs.rax = (unsigned long)-EPERM;
    if (ptrace(PTRACE_SETREGS, pid, 0, &regs) != 0) {
        kill(pid, SIGKILL); /* never let the call through */
    }
    ptrace(PTRACE_CONT, pid, 0, 0);
}
#else
static void on_exec_entry(pid_t pid) {
    ptrace(PTRACE_CONT, pid, 0, 0);
}

static void on_ptrace(pid_t pid) {
    ptrace(PTRACE_CONT, pid, 0, 0); /* not reached: the filter fails ptrace itself here */
}
#endif

/* --- the privileged tier: becoming the login, as sshd would ------------------------------------------------- */

static int read_login(void) {
    char path[PATH_MAX + 16], text[8192];
    if (sg_session_file(path, sizeof path, "login") != 0) {
        return -1;
    }
    if (sg_read_small_file(path, text, sizeof text) < 0) {
        return errno == ENOENT ? 0 : -1;
    }
    char *line[6] = {0}, *save = NULL;
    int k = 0;
    for (char *l = strtok_r(text, "\n", &save); l && k < 6; l = strtok_r(NULL, "\n", &save)) {
        line[k++] = l;
    }
    if (k < 6) {
        return -1;
    }
    login.uid = (uid_t)strtoul(line[0], NULL, 10);
    login.gid = (gid_t)strtoul(line[1], NULL, 10);
    char *gsave = NULL;
    for (char *g = strtok_r(line[2], " ,", &gsave); g && login.ngroups < 256; g = strtok_r(NULL, " ,", &gsave)) {
        login.groups[login.ngroups++] = (gid_t)strtoul(g, NULL, 10);
    }
    snprintf(login.name, sizeof login.name, "%s", line[3]);
    snprintf(login.home, sizeof login.home, "%s", line[4]);
    snprintf(login.shell, sizeof login.shell, "%s", line[5]);
    if (login.uid == 0 || !login.name[0] || login.home[0] != '/') {
        return -1;
    }
    return 1;
}

/* The environment sshd gives a login: the terminal and locale the client sent, and the login's own names. */
static char **login_environment(void) {
    extern char **environ;
    static char *env[128];
    static char home[PATH_MAX + 8], user[80], logname[80], shell[PATH_MAX + 8];
    static const char *kept[] = {"TERM=", "LANG=", "LC_", "TZ=", "SSH_CLIENT=", "SSH_CONNECTION=", "SSH_TTY=", NULL};
    int n = 0;
    for (char **e = environ; *e && n < 120; e++) {
        for (int k = 0; kept[k]; k++) {
            if (strncmp(*e, kept[k], strlen(kept[k])) == 0) {
                env[n++] = *e;
                break;
            }
        }
    }
    snprintf(home, sizeof home, "HOME=%s", login.home);
    snprintf(user, sizeof user, "USER=%s", login.name);
    snprintf(logname, sizeof logname, "LOGNAME=%s", login.name);
    snprintf(shell, sizeof shell, "SHELL=%s", login.shell);
    env[n++] = home, env[n++] = user, env[n++] = logname, env[n++] = shell, env[n++] = "PATH=" SG_LOGIN_PATH;
    env[n] = NULL;
    return env;
}

static void become_login(void) {
    if (isatty(0)) {
        /* sshd gave the terminal to the account it ran as (root): give it to the login, mode 0620 */
        if (fchown(0, login.uid, (gid_t)-1) != 0 || fchmod(0, 0620) != 0) {
            say("shellguard: cannot hand the terminal to the login\n");
        }
    }
    if (setgroups((size_t)login.ngroups, login.groups) != 0 || setgid(login.gid) != 0 || setuid(login.uid) != 0
        || getuid() != login.uid || geteuid() != login.uid || setuid(0) == 0) {
        say("shellguard: cannot become the session's login\n");
        _exit(255);
    }
    if (chdir(login.home) != 0 && chdir("/") != 0) {
        _exit(255);
    }
    environ = login_environment();
}

/* --- the session --------------------------------------------------------------------------------------------- */

static int probe(void) {
    int go[2];
    if (pipe2(go, O_CLOEXEC) != 0) {
        return 1;
    }
    pid_t child = fork();
    if (child == 0) {
        char c;
        _exit(read(go[0], &c, 1) == 1 ? 0 : 1);
    }
    int traced = ptrace(PTRACE_SEIZE, child, 0, SG_OPTIONS);
    int why = errno;
    if (write(go[1], "g", 1) != 1) {
        kill(child, SIGKILL);
    }
    int status;
    while (waitpid(child, &status, __WALL) == child && !WIFEXITED(status) && !WIFSIGNALED(status)) {
        ptrace(PTRACE_CONT, child, 0, 0);
    }
    if (traced != 0) {
        printf("shellguard-supervisor cannot trace: ptrace: %s\n", strerror(why));
        return 1;
    }
    printf("shellguard-supervisor ready\n");
    return 0;
}

/* Ends the supervisor as the session's shell ended: its exit status, or the signal that killed it (sshd then
 * reports the same exit signal to the client as without the supervisor). */
/* SIGKILLs every live process this supervisor traces (the session's, found by TracerPid in /proc: the table above
 * is not a complete list); returns how many it found. */
static int kill_traced(void) {
    DIR *proc = opendir("/proc");
    if (!proc) {
        return 0;
    }
    int found = 0;
    char path[64], text[4096];
    for (struct dirent *d; (d = readdir(proc));) {
        pid_t pid = (pid_t)atoi(d->d_name);
        if (pid <= 0) {
            continue;
        }
        snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        ssize_t n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
        if (fd >= 0) {
            close(fd);
        }
        if (n <= 0) {
            continue;
        }
        text[n] = 0;
        const char *state = strstr(text, "\nState:\t"), *tracer = strstr(text, "\nTracerPid:\t");
        if (state && tracer && state[8] != 'Z' && state[8] != 'X' && atoi(tracer + 12) == (int)getpid()) {
            kill(pid, SIGKILL);
            found++;
        }
    }
    closedir(proc);
    return found;
}

/* The session's shell ended: what it left running (background jobs) is killed now, before the goodbye, rather than
 * by the supervisor's own exit (EXITKILL), and the watch's events are read after that. A job that waited for the
 * shell's end and wrote a key into ~/.ssh at once did so between the last read of the watch and the supervisor's
 * exit, unreported, and the key stayed. Killed processes are waited for, so their files are closed (and that
 * reported) before the last read. */
static void end_session(void) {
    int status;
    for (int round = 0; round < 1000 && kill_traced() > 0; round++) {
        while (waitpid(-1, &status, __WALL | WNOHANG) > 0) {
        }
        struct timespec pause = {0, 1000000};
        nanosleep(&pause, NULL);
    }
    while (waitpid(-1, &status, __WALL | WNOHANG) > 0) {
    }
    sg_watch_events();
}

static void finish(int status, int signal_number) {
    char line[48];
    int n = snprintf(line, sizeof line, "K%cend%c%d\n", SG_US, SG_US, status);
    end_session();
    flush_reports();
    if (gateway >= 0) {
        sg_send(gateway, line, (size_t)n);
        shutdown(gateway, SHUT_WR);
        char drain[256];
        struct timeval wait = {.tv_sec = 1};
        setsockopt(gateway, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
        while (read(gateway, drain, sizeof drain) > 0) {
        }
        close(gateway);
    }
    if (signal_number) {
        struct sigaction plain = {.sa_handler = SIG_DFL};
        sigaction(signal_number, &plain, NULL);
        sigset_t only;
        sigemptyset(&only);
        sigaddset(&only, signal_number);
        sigprocmask(SIG_UNBLOCK, &only, NULL);
        kill(getpid(), signal_number);
    }
    exit(status);
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--probe") == 0) {
        return probe();
    }
    if (argc < 3 || argv[1][0] != '/') {
        say("usage: shellguard-supervisor DIR PROGRAM [ARG...] | --probe\n");
        return 255;
    }
    sg_policy_private = 1;
    sg_policy_asker = ask_policy_line;
    sg_dir = argv[1];
    sg_dir_len = (int)strlen(sg_dir);
    prctl(PR_SET_DUMPABLE, 0);
    int found = geteuid() == 0 ? read_login() : 0;
    if (found < 0) {
        say("shellguard: the supervisor's login file is unreadable or names no login\n");
        return 255;
    }
    privileged = found > 0;
    if (!privileged && getuid() != 0 && getuid() == geteuid()) {
        own_uid = getuid(); /* see identify */
    }
    if (connect_gateway() != 0) {
        say("shellguard: the supervisor cannot reach the gateway; the session does not start\n");
        return 255;
    }
    static const int ignored[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE};
    for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++) {
        signal(ignored[i], SIG_IGN);
    }
    struct sigaction forward = {.sa_handler = on_forward}, tick = {.sa_handler = on_beat};
    sigaction(SIGHUP, &forward, NULL);
    sigaction(SIGTERM, &forward, NULL);
    sigaction(SIGALRM, &tick, NULL);
    struct sigaction files = {.sa_handler = on_files};
    sigaction(SIGIO, &files, NULL);
    char watch_list[PATH_MAX + 16];
    if (sg_session_file(watch_list, sizeof watch_list, "watch") != 0 || sg_watch_start(watch_list, startup_file_changed) < 0) {
        say("shellguard: the supervisor cannot watch the login's startup files; the session does not start\n");
        return 255;
    }
    int go[2], ready[2];
    if (pipe2(go, O_CLOEXEC) != 0 || pipe2(ready, O_CLOEXEC) != 0) {
        return 255;
    }
    shell_pid = fork();
    if (shell_pid < 0) {
        return 255;
    }
    if (shell_pid == 0) {
        char c;
        close(go[1]);
        close(ready[0]);
        /* the fork inherited the supervisor's non-dumpable mark, which an unprivileged tracer cannot attach to */
        if (prctl(PR_SET_DUMPABLE, 1) != 0 || !write_byte(ready[1], 'r') || !read_byte(go[0], &c)) {
            _exit(255); /* the supervisor could not trace this child: it never runs the shell */
        }
        for (int sig = 1; sig < NSIG; sig++) {
            signal(sig, SIG_DFL);
        }
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        close(gateway);
#ifdef SG_ENTRY_REFUSAL
        int entry_refusal = privileged;
#else
        int entry_refusal = 0;
#endif
        if (install_filter(entry_refusal) != 0) {
            say("shellguard: the supervisor cannot install its system call filter\n");
            _exit(255);
        }
        if (privileged) {
            become_login();
        }
        execv(argv[2], argv + 2);
        say("shellguard: the supervisor cannot start the session's shell\n");
        _exit(127);
    }
    close(go[0]);
    close(ready[1]);
    char r;
    if (!read_byte(ready[0], &r)) {
        say("shellguard: the supervisor cannot prepare the session's shell to be traced\n");
        kill(shell_pid, SIGKILL);
        return 255;
    }
    if (ptrace(PTRACE_SEIZE, shell_pid, 0, SG_OPTIONS) != 0) {
        char text[200];
        snprintf(text, sizeof text, "shellguard: the supervisor cannot trace the session (ptrace: %s)\n", strerror(errno));
        say(text);
        kill(shell_pid, SIGKILL);
        return 255;
    }
    if (!write_byte(go[1], 'g')) {
        return 255;
    }
    close(go[1]);
    struct itimerval every = {.it_interval = {SG_BEAT_SECONDS, 0}, .it_value = {SG_BEAT_SECONDS, 0}};
    setitimer(ITIMER_REAL, &every, NULL);
    for (;;) {
        if (beat) {
            beat = 0;
            heartbeat();
        }
        if (files_changed) {
            files_changed = 0;
            sg_watch_events();
        }
        if (forward_signal) {
            kill(shell_pid, forward_signal);
            forward_signal = 0;
        }
        int status;
        pid_t pid = waitpid(-1, &status, __WALL | WNOHANG);
        if (pid == 0) {
            idle();
            pid = waitpid(-1, &status, __WALL);
        }
        if (pid < 0) {
            if (errno == EINTR) {
                continue;
            }
            finish(255, 0); /* no child left: cannot happen while the shell lives */
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            proc_gone(pid);
            if (pid == shell_pid) {
                finish(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), WIFSIGNALED(status) ? WTERMSIG(status) : 0);
            }
            continue;
        }
        if (!WIFSTOPPED(status)) {
            continue;
        }
        int sig = WSTOPSIG(status), event = status >> 16;
        switch (event) {
            case PTRACE_EVENT_EXEC:
                on_exec(pid);
                break;
            case PTRACE_EVENT_SECCOMP: {
                unsigned long data = 0;
                ptrace(PTRACE_GETEVENTMSG, pid, 0, &data);
                if (data == SG_TRACE_PTRACE) {
                    on_ptrace(pid);
                } else {
                    on_exec_entry(pid);
                }
                break;
            }
            case PTRACE_EVENT_STOP:
                if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU) {
                    ptrace(PTRACE_LISTEN, pid, 0, 0); /* a group stop: job control keeps working */
                } else {
                    ptrace(PTRACE_CONT, pid, 0, 0); /* a new child's first stop */
                }
                break;
            case 0:
                ptrace(PTRACE_CONT, pid, 0, sig); /* a signal for the tracee: delivered as is */
                break;
            case PTRACE_EVENT_FORK:
            case PTRACE_EVENT_VFORK:
            case PTRACE_EVENT_CLONE: {
                unsigned long child = 0;
                if (ptrace(PTRACE_GETEVENTMSG, pid, 0, &child) == 0 && child) {
                    if (event == PTRACE_EVENT_CLONE) {
                        proc_gone((pid_t)child); /* a thread or a process: not known, read from /proc */
                    } else {
                        proc_forked(pid, (pid_t)child);
                    }
                }
                ptrace(PTRACE_CONT, pid, 0, 0); /* the new process is traced already */
                break;
            }
            default:
                ptrace(PTRACE_CONT, pid, 0, 0);
        }
    }
}
