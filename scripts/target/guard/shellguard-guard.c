/* ShellGuard exec guard: the program starts of a hooked session, below the shell.
 *
 * The shell hook sees what a shell runs; it cannot see what other programs start: python's os.system, perl
 * and awk system(), xargs, find -exec, a copy of rm under another name, a program run through the dynamic
 * loader, a #!/bin/sh script. This library is preloaded into every process of the session and stands in for
 * the C library's program starts (the execve family, posix_spawn, and system/popen, which glibc starts
 * through internal calls no library can interpose). Each start is decided through the same path as the
 * shell hook's commands:
 *
 *   - a start that no rule can concern (allow mode, no line rules, its name, path and file match no rule's)
 *     runs at once: a stat, a realpath and a few string matches, so program starts stay cheap; the gateway
 *     is told of it (no answer awaited) for the audit, unless a hooked shell, which reports its own, started it,
 *     or the session's supervisor traces the process, which reports every start of the session;
 *   - anything else (a name or path glob matches, it is the very file of a named program or a copy of it,
 *     the server has an allowlist or line rules, it is setuid and cannot be followed) is asked of the
 *     gateway over the session's forward, whose policy EJB decides and audits it, with the program that
 *     asked and its parent.
 *
 * A refused start fails with EACCES and one line on stderr. Every start the guard lets through gets the
 * guard back in its environment (LD_PRELOAD), so `env -i` and programs that clean their environment keep
 * it. What it cannot see: statically linked programs and direct system calls (see README, "Exec guard"). */
#define _GNU_SOURCE
#include "guard.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* Only the C library's functions this stands in for are visible; everything else stays inside. */
#define SG_EXPORT __attribute__((visibility("default")))

extern char **environ;

const char *sg_dir;
int sg_dir_len;
/* This library's path as the loader has it (NULL: unknown). */
static const char *self;
static unsigned counter;
static int lock;
/* The session's own shell is started with the guard already loaded (what it runs directly is decided too),
 * but dormant: the user's startup files run first, unwatched, as with the shell hook. It wakes for good at the
 * first start whose environment preloads the guard, which the hook exports when it arms. Only a process
 * started with __SG_GUARD_PENDING set is dormant, and the guard removes that variable from every start. */
static int dormant;
/* The last start refused in this process: shells try every PATH directory after a refusal (dash runs
 * /usr/bin/rm, then /bin/rm, the same file); a repeat (the same file, the same arguments after the first) is refused
 * again without asking and auditing twice. */
static dev_t refused_dev;
static ino_t refused_ino;
static unsigned char refused_args[32];
/* The canonical path of the start this thread just decided ("": none), for the shell rewrite (shells.c). */
static __thread char started[PATH_MAX];

typedef int (*execve_fn)(const char *, char *const[], char *const[]);
typedef int (*fexecve_fn)(int, char *const[], char *const[]);
typedef int (*execveat_fn)(int, const char *, char *const[], char *const[], int);
typedef int (*spawn_fn)(pid_t *, const char *, const posix_spawn_file_actions_t *, const posix_spawnattr_t *,
                        char *const[], char *const[]);
typedef int (*system_fn)(const char *);
typedef FILE *(*popen_fn)(const char *, const char *);
typedef pid_t (*fork_fn)(void);

/* The C library's own functions, looked up at first use: most processes never start another, and a lookup
 * at load time would cost every program start of the session. */
#define REAL(type, name)                                                                                     \
    static type real_##name##_fn;                                                                            \
    static type real_##name(void) {                                                                          \
        if (!real_##name##_fn) {                                                                             \
            real_##name##_fn = (type)dlsym(RTLD_NEXT, #name);                                                \
        }                                                                                                    \
        return real_##name##_fn;                                                                             \
    }
/* execve is the system call itself: calling it directly spares every forked child a symbol lookup. */
static int sys_execve(const char *path, char *const argv[], char *const envp[]) {
    return (int)syscall(SYS_execve, path, argv, envp);
}
static execve_fn real_execve(void) {
    return sys_execve;
}
REAL(execve_fn, execvpe)
REAL(fexecve_fn, fexecve)
REAL(execveat_fn, execveat)
REAL(spawn_fn, posix_spawn)
REAL(spawn_fn, posix_spawnp)
REAL(system_fn, system)
REAL(popen_fn, popen)
REAL(fork_fn, fork)

__attribute__((constructor)) static void sg_init(void) {
    Dl_info info;
    if (dladdr((void *)sg_init, &info) && info.dli_fname && info.dli_fname[0] == '/'
        && strlen(info.dli_fname) < PATH_MAX) {
        self = sg_dir = info.dli_fname;
        sg_dir_len = (int)(strrchr(self, '/') - self);
    }
    if (getenv("__SG_GUARD_PENDING")) {
        dormant = 1;
        unsetenv("__SG_GUARD_PENDING");
    }
    /* the installer's probe: proof that this library loads and runs here */
    if (getenv("__SG_GUARD_PROBE")) {
        static const char ready[] = "shellguard-guard ready\n";
        ssize_t ignored = write(1, ready, sizeof ready - 1);
        (void)ignored;
    }
}

static void tell(const char *what, const char *detail) {
    char line[600];
    int n = snprintf(line, sizeof line, "shellguard: %s%s\n", what, detail);
    if (n > 0) {
        ssize_t ignored = write(2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
        (void)ignored;
    }
}

int sg_session_file(char *out, size_t size, const char *name) {
    return snprintf(out, size, "%.*s/%s", sg_dir_len, sg_dir, name) < (int)size ? 0 : -1;
}

/* The file execvp would run for name (no slash): the first executable regular file on PATH. */
static const char *search_path(const char *name, char *found, size_t size) {
    if (strchr(name, '/')) {
        return name;
    }
    const char *path = getenv("PATH");
    /* an empty element (leading, trailing or doubled colon) is the current directory, as execvp has it */
    for (const char *dir = path ? path : "/bin:/usr/bin";; dir++) {
        size_t len = strcspn(dir, ":");
        struct stat st;
        if (snprintf(found, size, "%.*s/%s", len ? (int)len : 1, len ? dir : ".", name) < (int)size && stat(found, &st) == 0
            && S_ISREG(st.st_mode) && access(found, X_OK) == 0) {
            return found;
        }
        dir += len;
        if (!*dir) {
            return NULL;
        }
    }
}

static void process(pid_t pid, char *out, size_t size) {
    char link[64], exe[PATH_MAX];
    snprintf(link, sizeof link, "/proc/%d/exe", (int)pid);
    ssize_t n = readlink(link, exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    snprintf(out, size, "%d %s", (int)pid, exe);
}

/* Where a start's message is built when it fits (one at a time: under the lock, see guarded); a longer one gets memory
 * mapped for it, and when none can be mapped its command text is cut, and marked, to what fits here. */
static char fallback[16384];

/* One start as the protocol's command fields (Q or R, PROTOCOL.md), with the program that asked and its parent,
 * into msg; 0 on success. */
static int start_message(char type, const char *call, const char *word, const char *path, const char *canonical,
                         const char *same, char *const argv[], struct sg_message *msg) {
    char cwd[PATH_MAX], caller[PATH_MAX + 32], parent[PATH_MAX + 32];
    char id[48];
    struct timeval now;
    gettimeofday(&now, NULL);
    snprintf(id, sizeof id, "%d.g%u", (int)getpid(), ++counter);
    if (!getcwd(cwd, sizeof cwd)) {
        cwd[0] = 0;
    }
    process(getpid(), caller, sizeof caller);
    process(getppid(), parent, sizeof parent);
    char start[32];
    snprintf(start, sizeof start, "%lld%06ld", (long long)now.tv_sec, (long)now.tv_usec);
    const char *fields[SG_FIELDS] = {
        [SG_F_ID] = id, [SG_F_START] = start, [SG_F_ROLE] = SG_ROLE_GUARD, [SG_F_SUBSHELL] = "0",
        [SG_F_FUNCTION] = call, [SG_F_CWD] = cwd, [SG_F_RESOLUTION] = SG_RESOLUTION_FILE, [SG_F_WORD] = word,
        [SG_F_PATH] = path, [SG_F_CANONICAL] = canonical, [SG_F_SAME_AS] = same,
        [SG_F_CALLER] = caller, [SG_F_PARENT] = parent,
    };
    struct sg_args args = {.argv = argv};
    return sg_start_message(type, fields, &args, "the exec guard", fallback, sizeof fallback, msg);
}

/* Asks the gateway about one start (Q); returns its action (A, B, T) and the rule, or 0 when it cannot be
 * reached. */
static char ask(const char *call, const char *word, const char *path, const char *canonical, const char *same,
                char *const argv[], char *rule, size_t rule_size) {
    /* connected first: without a gateway the message (the caller's and parent's /proc links) is not worth building */
    int fd = sg_connect();
    struct sg_message message;
    if (fd < 0 || start_message('Q', call, word, path, canonical, same, argv, &message) != 0) {
        if (fd >= 0) {
            close(fd);
        }
        return 0;
    }
    char action = 0;
    static char line[SG_LINE];
    if (sg_send(fd, message.data, message.len) == 0) {
        while (sg_read_line(fd, line, sizeof line) == 0) {
            /* V US id US A|B|T US rule; policy lines before it are for shells */
            if (line[0] != 'V' || line[1] != SG_US) {
                continue;
            }
            char *f = line + 2, *act = strchr(f, SG_US);
            if (!act) {
                break;
            }
            action = act[1];
            char *r = strchr(act + 1, SG_US);
            snprintf(rule, rule_size, "%s", r ? r + 1 : "");
            break;
        }
    }
    close(fd);
    sg_message_release(&message);
    return action;
}

/* Tells the gateway about a start no rule concerns (R), for the audit; nothing waits for an answer. */
static void report(const char *call, const char *word, const char *path, const char *canonical, char *const argv[]) {
    int fd = sg_connect();
    struct sg_message message;
    if (fd >= 0 && start_message('R', call, word, path, canonical, "", argv, &message) == 0) {
        sg_send(fd, message.data, message.len);
        sg_message_release(&message);
    }
    if (fd >= 0) {
        close(fd);
    }
}

/* What this process image runs: 0 another program, 1 bash, 2 zsh (-1: not looked at yet). */
static int shell = -1;
static void know_shell(void) {
    if (shell < 0) {
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        exe[n > 0 ? n : 0] = 0;
        const char *b = sg_base(exe);
        shell = strcmp(b, "bash") == 0 ? 1 : strcmp(b, "zsh") == 0 ? 2 : 0;
    }
}

/* Whether this process is a shell of the session running the shell hook, which reports what it starts itself:
 * bash passing on the hook's BASH_ENV, zsh the hook's ZDOTDIR, and in either case a shell whose hook is armed, as
 * its own state says (shells.c): a shell the hook's variables reached but did not arm (an interactive bash reads
 * no BASH_ENV) is no witness. Any other caller's starts (python, awk, xargs, find, dash) are reported by the guard. */
static int hooked_shell(char *const envp[]) {
    int hooked = 0, seen = 0; /* bit 1: BASH_ENV, bit 2: ZDOTDIR (its first value) in the session directory */
    for (size_t i = 0; envp && envp[i] && seen != 3; i++) {
        int bit = strncmp(envp[i], "BASH_ENV=", 9) == 0 ? 1 : strncmp(envp[i], "ZDOTDIR=", 8) == 0 ? 2 : 0;
        if (bit && !(seen & bit)) {
            const char *value = envp[i] + (bit == 1 ? 9 : 8);
            seen |= bit;
            if (strncmp(value, sg_dir, (size_t)sg_dir_len) == 0 && value[sg_dir_len] == '/') {
                hooked |= bit;
            }
        }
    }
    if (!hooked) {
        return 0; /* the environment says no: no need to know what this process is */
    }
    know_shell();
    return (hooked & shell) != 0 && sg_shell_armed(shell);
}

/* Whether this process is traced by the session's supervisor, which reports every start of the session itself
 * (path, argv, cwd, uid, parent) from the kernel's exec event: then a start decided here needs no report of its
 * own, which would cost sshd and the gateway a channel per start (-1: not looked at yet). The start script
 * records the supervisor's pid in __SG_SUPERVISOR; the kernel's TracerPid must be that pid. Inside a supervised
 * session it cannot be another: every process is traced by the supervisor from its first instruction, a process
 * has one tracer, and no process of the session may trace (seccomp). Where the supervisor is off, the variable
 * is absent and every start is reported; a user who sets it to the pid of a tracer of their own (strace) hides
 * the guard's reports of the traced programs, which that tier cannot prevent anyway (README, "What the exec
 * guard cannot stop"). The answer holds for the process's life and its forked children (the supervisor
 * follows forks), so a forking process finds it out once, before its first fork (prepare_children). */
static int supervised = -1;
static int traced_by_supervisor(void) {
    if (supervised < 0) {
        supervised = 0;
        const char *recorded = getenv("__SG_SUPERVISOR");
        char status[4096];
        int fd = recorded && *recorded ? open("/proc/self/status", O_RDONLY | O_CLOEXEC) : -1;
        if (fd >= 0) {
            ssize_t n = read(fd, status, sizeof status - 1);
            close(fd);
            status[n > 0 ? n : 0] = 0;
            const char *at = strstr(status, "\nTracerPid:");
            if (at) {
                char *end;
                long tracer = strtol(at + 12, &end, 10);
                supervised = tracer > 0 && end != at + 12 && strtol(recorded, NULL, 10) == tracer;
            }
        }
    }
    return supervised;
}

static int preloads_self(const char *value);

static int is_loader(const char *canonical) {
    const char *b = sg_base(canonical);
    return b[0] == 'l' && b[1] == 'd' && (fnmatch("ld-linux*.so*", b, 0) == 0 || fnmatch("ld.so*", b, 0) == 0 || fnmatch("ld-*.so*", b, 0) == 0);
}

/* The program the dynamic loader is asked to run (`ld-linux-x86-64.so.2 [options] PROGRAM args`). */
static const char *loaded_program(char *const argv[]) {
    static const char *with_value[] = {"--library-path", "--preload", "--audit", "--argv0", "--inhibit-rpath",
                                       "--glibc-hwcaps-prepend", "--glibc-hwcaps-mask", NULL};
    for (int i = 1; argv && argv[i]; i++) {
        if (strncmp(argv[i], "--", 2) != 0) {
            return argv[i];
        }
        for (int k = 0; with_value[k]; k++) {
            if (strcmp(argv[i], with_value[k]) == 0 && argv[i + 1]) {
                i++;
            }
        }
    }
    return NULL;
}

static int blocked(const char *why, const char *detail) {
    tell(why, detail);
    errno = EACCES;
    return -1;
}

/* Decides one start of file (as the caller named it: word) with argv and envp. 0: it runs; -1: refused, errno
 * EACCES. A start that runs without asking is reported for the audit unless a hooked shell started it or the
 * session's supervisor traces this process (both report it themselves). */
static int decide(const char *call, const char *word, const char *file, char *const argv[], char *const envp[],
                  int depth) {
    char path[PATH_MAX], canonical[PATH_MAX], same[1024] = "", rule[256] = "";
    struct stat st;
    if (!sg_dir_len || !file || !*file) {
        return 0;
    }
    if (file[0] == '/' || strncmp(file, "/proc/self/fd/", 14) == 0) {
        snprintf(path, sizeof path, "%s", file);
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd) || snprintf(path, sizeof path, "%s/%s", cwd, file) >= (int)sizeof path) {
            snprintf(path, sizeof path, "%s", file);
        }
    }
    if (stat(path, &st) != 0) {
        return 0; /* nothing to run: exec fails on its own */
    }
    if (!realpath(path, canonical)) {
        snprintf(canonical, sizeof canonical, "%s", path);
    }
    if (depth == 0) {
        snprintf(started, sizeof started, "%s", canonical);
    }
    if (depth == 0 && is_loader(canonical)) {
        const char *program = loaded_program(argv);
        char found[PATH_MAX];
        const char *target = program && !strchr(program, '/') && access(program, F_OK) != 0
                             ? search_path(program, found, sizeof found) : program;
        if (target && decide(call, program, target, argv, envp, 1) != 0) {
            return -1;
        }
    }
    const struct sg_policy *p = sg_policy();
    if (!p) {
        return blocked("the gateway cannot be reached; not started: ", word);
    }
    int ask_gateway = p->allowlist || p->lines || p->overflow || sg_matches_rule(p, word, path, canonical)
                      || ((st.st_mode & (S_ISUID | S_ISGID)) && p->nnames + p->nglobs > 0);
    sg_same_as(p, path, &st, same, sizeof same);
    if (!ask_gateway && !same[0]) {
        if (!hooked_shell(envp) && !traced_by_supervisor()) {
            report(call, word, path, canonical, argv);
        }
        return 0;
    }
    unsigned char args[32];
    sg_args_digest(argv, args);
    if (st.st_dev == refused_dev && st.st_ino == refused_ino && memcmp(args, refused_args, sizeof args) == 0) {
        errno = EACCES;
        return -1;
    }
    char action = ask(call, word, path, canonical, same, argv, rule, sizeof rule);
    if (action == 'B' || action == 'T') {
        refused_dev = st.st_dev, refused_ino = st.st_ino;
        memcpy(refused_args, args, sizeof args);
    }
    switch (action) {
        case 'A': return 0;
        case 'B':
        case 'T': {
            char quoted[300];
            snprintf(quoted, sizeof quoted, "%s\"%s", rule, action == 'T' ? "; the session ends" : "");
            return blocked("blocked by policy \"", quoted);
        }
        default: return blocked("the gateway cannot be reached; not started: ", word);
    }
}

/* Whether a start is to be decided: not while this process is dormant and the start's environment does not
 * preload the guard yet. */
static int awake(char *const envp[]) {
    if (dormant) {
        for (size_t i = 0; envp && envp[i]; i++) {
            if (strncmp(envp[i], "LD_PRELOAD=", 11) == 0 && preloads_self(envp[i] + 11)) {
                dormant = 0;
            }
        }
    }
    return !dormant;
}

static int guarded(const char *call, const char *word, const char *file, char *const argv[], char *const envp[]) {
    started[0] = 0;
    if (!awake(envp)) {
        return 0;
    }
    while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE)) {
    }
    int saved = errno;
    int result = decide(call, word, file, argv, envp, 0);
    if (result == 0) {
        errno = saved;
    }
    __atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
    return result;
}

/* A shell forks for every program it starts and its child decides the start, so the policy that child parsed
 * died with it, and the next child parsed it again (reading the file, faulting in the tables). Parsed in the
 * forking process instead, at most once a second, every child inherits it and only stats the file to see
 * that it is still the one parsed, as any later start in one process does. Whether the process is a shell is
 * found out here once, too. Nothing is decided here: a busy lock (another thread deciding) just skips it. */
static void prepare_children(void) {
    static time_t prepared;
    time_t now = time(NULL);
    if (dormant || !sg_dir_len || now == prepared || __atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE)) {
        return;
    }
    prepared = now;
    int saved = errno;
    sg_policy();
    know_shell();
    traced_by_supervisor();
    if (shell) {
        sg_shell_note(shell);
    }
    errno = saved;
    __atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
}

SG_EXPORT pid_t fork(void) {
    prepare_children();
    return real_fork()();
}

/* --- keeping the guard in every child's environment --------------------------------------------------- */

static int preloads_self(const char *value) {
    size_t n = strlen(self);
    for (const char *at = strstr(value, self); at; at = strstr(at + 1, self)) {
        if ((at == value || at[-1] == ':' || at[-1] == ' ') && (at[n] == 0 || at[n] == ':' || at[n] == ' ')) {
            return 1;
        }
    }
    return 0;
}

static size_t count(char *const envp[]) {
    size_t n = 0;
    while (envp && envp[n]) {
        n++;
    }
    return n;
}

/* envp with this library in LD_PRELOAD (first) and without the dormancy variable, in out (room for
 * count(envp) + 2); entry holds a new LD_PRELOAD string when one is needed. */
static char *const *with_guard(char *const envp[], char **out, char *entry, size_t entry_size) {
    if (!self || dormant) {
        return envp;
    }
    size_t n = 0, at = (size_t)-1;
    int preloaded = 0;
    for (size_t i = 0; envp && envp[i]; i++) {
        if (strncmp(envp[i], "__SG_GUARD_PENDING=", 19) == 0) {
            continue;
        }
        if (strncmp(envp[i], "LD_PRELOAD=", 11) == 0) {
            if (at == (size_t)-1) {
                preloaded = preloads_self(envp[i] + 11);
                at = n;
                out[n++] = envp[i];
            }
            continue;
        }
        out[n++] = envp[i];
    }
    out[n] = NULL;
    if (preloaded) {
        return out;
    }
    const char *old = at == (size_t)-1 ? "" : out[at] + 11;
    snprintf(entry, entry_size, "LD_PRELOAD=%s%s%s", self, *old ? ":" : "", old);
    if (at == (size_t)-1) {
        out[n++] = entry;
    } else {
        out[at] = entry;
    }
    out[n] = NULL;
    return out;
}

#define GUARDED_ENV(envp, name)                                                                              \
    char *name##_slots[count(envp) + 2];                                                                     \
    char name##_entry[PATH_MAX * 2];                                                                         \
    char *const *name = with_guard(envp, name##_slots, name##_entry, sizeof name##_entry)

/* The start of argv with envp as it goes ahead: a bash or zsh gets the hook (shells.c), and every start the guard. */
#define STARTED(argv, envp, args, env)                                                                       \
    char *args##_slots[count(argv) + 4];                                                                     \
    char *env##_shell[count(envp) + 4];                                                                      \
    char env##_scratch[3 * PATH_MAX];                                                                        \
    char *const *args = argv;                                                                                \
    char *const *env##_pre = envp;                                                                           \
    if (!dormant && sg_hook_shell_start(started, argv, envp, args##_slots, env##_shell, env##_scratch,         \
                                        sizeof env##_scratch)) {                                             \
        args = args##_slots;                                                                                 \
        env##_pre = env##_shell;                                                                             \
    }                                                                                                        \
    GUARDED_ENV(env##_pre, env)

/* system() and popen() start /bin/sh through glibc internals: the guard goes into the process's own
 * environment instead, which they pass on. */
static void keep_in_environ(void) {
    const char *value = getenv("LD_PRELOAD");
    if (self && !dormant && (!value || !preloads_self(value))) {
        char entry[PATH_MAX * 2];
        snprintf(entry, sizeof entry, "%s%s%s", self, value && *value ? ":" : "", value ? value : "");
        setenv("LD_PRELOAD", entry, 1);
    }
}

/* --- the C library's program starts ------------------------------------------------------------------- */

SG_EXPORT int execve(const char *path, char *const argv[], char *const envp[]) {
    if (guarded("execve", path, path, argv, envp) != 0) {
        return -1;
    }
    STARTED(argv, envp, args, env);
    return real_execve()(path, args, env);
}

SG_EXPORT int execv(const char *path, char *const argv[]) {
    if (guarded("execv", path, path, argv, environ) != 0) {
        return -1;
    }
    STARTED(argv, environ, args, env);
    return real_execve()(path, args, env);
}

static int exec_searching(const char *call, const char *file, char *const argv[], char *const envp[]) {
    char found[PATH_MAX];
    started[0] = 0;
    const char *target = file ? search_path(file, found, sizeof found) : NULL;
    if (target && guarded(call, file, target, argv, envp) != 0) {
        return -1;
    }
    STARTED(argv, envp, args, env);
    return real_execvpe()(file, args, env);
}

SG_EXPORT int execvpe(const char *file, char *const argv[], char *const envp[]) {
    return exec_searching("execvpe", file, argv, envp);
}

SG_EXPORT int execvp(const char *file, char *const argv[]) {
    return exec_searching("execvp", file, argv, environ);
}

/* The arguments of execl, execlp and execle, up to the terminating NULL (and execle's envp after it). */
#define COLLECT_ARGS(first, argv, envp_out)                                                                  \
    size_t argc_ = 1;                                                                                        \
    va_list ap_;                                                                                             \
    va_start(ap_, first);                                                                                    \
    while (va_arg(ap_, char *)) {                                                                            \
        argc_++;                                                                                             \
    }                                                                                                        \
    va_end(ap_);                                                                                             \
    char *argv[argc_ + 1];                                                                                   \
    argv[0] = (char *)(first);                                                                               \
    va_start(ap_, first);                                                                                    \
    for (size_t i_ = 1; i_ <= argc_; i_++) {                                                                 \
        argv[i_] = va_arg(ap_, char *);                                                                      \
    }                                                                                                        \
    envp_out = va_arg(ap_, char *const *);                                                                   \
    va_end(ap_)

SG_EXPORT int execl(const char *path, const char *arg, ...) {
    char *const *unused;
    COLLECT_ARGS(arg, argv, unused);
    (void)unused;
    if (guarded("execl", path, path, argv, environ) != 0) {
        return -1;
    }
    STARTED(argv, environ, args, env);
    return real_execve()(path, args, env);
}

SG_EXPORT int execle(const char *path, const char *arg, ...) {
    char *const *envp;
    COLLECT_ARGS(arg, argv, envp);
    if (guarded("execle", path, path, argv, envp) != 0) {
        return -1;
    }
    STARTED(argv, envp, args, env);
    return real_execve()(path, args, env);
}

SG_EXPORT int execlp(const char *file, const char *arg, ...) {
    char *const *unused;
    COLLECT_ARGS(arg, argv, unused);
    (void)unused;
    return exec_searching("execlp", file, argv, environ);
}

SG_EXPORT int fexecve(int fd, char *const argv[], char *const envp[]) {
    char link[64], file[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, file, sizeof file - 1);
    file[n > 0 ? n : 0] = 0;
    if (guarded("fexecve", n > 0 ? file : link, link, argv, envp) != 0) {
        return -1;
    }
    STARTED(argv, envp, args, env);
    return real_fexecve()(fd, args, env);
}

SG_EXPORT int execveat(int dirfd, const char *path, char *const argv[], char *const envp[], int flags) {
    char file[PATH_MAX + 64];
    if (path[0] == '/') {
        snprintf(file, sizeof file, "%s", path);
    } else if (dirfd == AT_FDCWD) {
        snprintf(file, sizeof file, "%s", path);
    } else if (!path[0]) {
        snprintf(file, sizeof file, "/proc/self/fd/%d", dirfd);
    } else {
        snprintf(file, sizeof file, "/proc/self/fd/%d/%s", dirfd, path);
    }
    if (guarded("execveat", path[0] ? path : file, file, argv, envp) != 0) {
        return -1;
    }
    STARTED(argv, envp, args, env);
    return real_execveat()(dirfd, path, args, env, flags);
}

SG_EXPORT int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attr,
                char *const argv[], char *const envp[]) {
    if (guarded("posix_spawn", path, path, argv, envp) != 0) {
        return EACCES;
    }
    STARTED(argv, envp, args, env);
    return real_posix_spawn()(pid, path, actions, attr, args, env);
}

SG_EXPORT int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attr,
                 char *const argv[], char *const envp[]) {
    char found[PATH_MAX];
    started[0] = 0;
    const char *target = search_path(file, found, sizeof found);
    if (target && guarded("posix_spawnp", file, target, argv, envp) != 0) {
        return EACCES;
    }
    STARTED(argv, envp, args, env);
    return real_posix_spawnp()(pid, file, actions, attr, args, env);
}

SG_EXPORT int system(const char *command) {
    if (!command) {
        return real_system()(command);
    }
    char *const argv[] = {"sh", "-c", (char *)command, NULL};
    if (guarded("system", "/bin/sh", "/bin/sh", argv, environ) != 0) {
        return -1;
    }
    keep_in_environ();
    return real_system()(command);
}

SG_EXPORT FILE *popen(const char *command, const char *mode) {
    char *const argv[] = {"sh", "-c", (char *)command, NULL};
    if (command && guarded("popen", "/bin/sh", "/bin/sh", argv, environ) != 0) {
        return NULL;
    }
    keep_in_environ();
    return real_popen()(command, mode);
}
