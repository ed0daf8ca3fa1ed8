/* ShellGuard exec guard: what its parts share. The library is preloaded (LD_PRELOAD) into every process of a
 * hooked session; it lives in the session's private directory, next to the `session` file (port and key of
 * the gateway's forward) and the `guard.policy` cache it keeps. Nothing here allocates on the heap: exec is
 * called from vfork children, which share the parent's memory and must not take the allocator's locks. */
#ifndef SHELLGUARD_GUARD_H
#define SHELLGUARD_GUARD_H

#include <limits.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "sg_protocol.h"   /* generated from scripts/target/protocol/protocol.def: SG_US, the fields, the values */

#define SG_MAX_NAMES 64
#define SG_MAX_GLOBS 64
#define SG_MAX_FILES 128
#define SG_NAME 128
#define SG_GLOB 512
#define SG_LINE 65536
/* The policy is asked for again when older than this. */
#define SG_REFRESH_SECONDS 3

/* The session directory (where this library lives): the loader's own copy of the library's path, up to its
 * last slash (sg_dir_len 0: not found). Nothing is copied at load time: every program of the session loads
 * the library, and a copy would cost each of them a page. */
extern const char *sg_dir;
extern int sg_dir_len;
/* The path of the file name in the session directory, into out; 0 unless it does not fit. */
int sg_session_file(char *out, size_t size, const char *name);

/* --- wire.c: one connection to the gateway over the session's forward --------------------------------- */

/* Connects and says hello (H, role guard). Returns the socket, or -1. */
int sg_connect(void);
/* Connects and says hello as shell (e.g. "supervisor/1") with role (SG_ROLE_...). Returns the socket, or -1. */
int sg_connect_as(const char *shell, const char *role);
/* Writes all of a message; 0 on success. */
int sg_send(int fd, const char *text, size_t n);
/* Reads one line (without its \n) into buf; 0 on success, -1 on EOF, error or the 30 s limit. */
int sg_read_line(int fd, char *buf, size_t size);
/* Appends text to out (at *len, capacity size) with the protocol's escapes: \\, \n, \u for US. */
void sg_append_escaped(char *out, size_t *len, size_t size, const char *text);
void sg_append(char *out, size_t *len, size_t size, const char *text);

/* --- policy.c: the session's policy, as the gateway sends it (P), with the files of named programs ----- */

struct sg_file {
    char name[SG_NAME];
    dev_t dev;
    ino_t ino;
    off_t size;
    unsigned char sha[32];
    struct timespec ctime; /* the file's change time when it was hashed: a refresh keeps an unchanged file's hash */
};

struct sg_policy {
    int loaded;
    long long version;
    int allowlist;     /* only programs an ALLOW rule names run: every start is asked */
    int lines;         /* line rules exist: every start is asked */
    int overflow;      /* more rules than fit here: every start is asked */
    int nnames, nglobs, nfiles;
    char names[SG_MAX_NAMES][SG_NAME];
    char globs[SG_MAX_GLOBS][SG_GLOB];
    struct sg_file files[SG_MAX_FILES];
};

/* The current policy (read from guard.policy, fetched from the gateway when older than 3 s), or NULL when
 * there is none and the gateway cannot be reached. */
const struct sg_policy *sg_policy(void);
/* Set by the supervisor: the policy is kept in the process's memory only, never read from the session's files. */
extern int sg_policy_private;
/* Set by the supervisor: asks for the policy (P) on its own connection and puts the gateway's P line into line;
 * 0 on success. Unset, each request opens a connection of its own. */
extern int (*sg_policy_asker)(char *line, size_t size);
/* Whether the supervisor's private policy is due to be asked for again (sg_policy would ask now). */
int sg_policy_private_stale(void);
/* Whether path's file (st, as stat gave it) is one of the policy's named programs: by device and inode, else by
 * size and SHA-256. Appends the names to same (space separated). */
void sg_same_as(const struct sg_policy *p, const char *path, const struct stat *st, char *same, size_t size);

/* --- rules.c: matching a start against the policy, and its Q or R message (shared with the supervisor) --- */

/* The last part of a path. */
const char *sg_base(const char *path);
/* Whether a rule's program name (of word, path or canonical) or path glob (of path or canonical) matches. */
int sg_matches_rule(const struct sg_policy *p, const char *word, const char *path, const char *canonical);

/* The arguments of a start: the caller's argv (the exec guard), or the kernel's copy of them, NUL-separated, as
 * /proc/PID/cmdline gives it (the supervisor; block[size] must be 0). */
struct sg_args {
    char *const *argv;
    const char *block;
    size_t size;
};
/* A Q or R message in the caller's buffer when it fits there (mapped 0), else in pages of its own (mmap: the heap is
 * out of bounds here, see above), or cut to the caller's buffer when no memory could be mapped. */
struct sg_message {
    char *data;
    size_t len, mapped;
};
/* The Q or R line of a start: the command fields (NULL: empty), and as its text (SG_F_TEXT) the arguments shell-quoted
 * into one command line, which the gateway reads as it reads a hooked shell's text; every field escaped. The text is
 * whole wherever the line keeps to the protocol's limit (SG_LIMIT_MESSAGE) and fits the memory at hand; otherwise it
 * holds the arguments that fit and ends with " [cut by LAYER: N arguments, M bytes in all]" (M counts each argument's
 * terminating NUL, as the kernel does), a mark no argument can produce (an argument with a blank or a bracket is
 * quoted), on which the gateway refuses a start that a line rule or a wrapper's arguments could concern. 0 on success;
 * sg_message_release gives the memory back (in a vfork child before its exec: the mapping is the parent's too). */
int sg_start_message(char type, const char *const fields[SG_FIELDS], const struct sg_args *args, const char *layer,
                     char *fallback, size_t fallback_size, struct sg_message *out);
void sg_message_release(struct sg_message *m);
/* The SHA-256 of the arguments from the second on, each with its terminator: what makes two starts of one file alike. */
void sg_args_digest(char *const argv[], unsigned char out[32]);

/* shells.c: the shells a start runs (by canonical path), the hook added to their starts, and whether the calling
 * process is a shell whose hook is armed. sg_hook_shell_start fills argv_out (room for argc + 4) and env_out (room
 * for the environment's count + 4) and returns 1 when the start is to be rewritten. */
#define SG_SHELL_BASH 1
#define SG_SHELL_ZSH 2
int sg_shell_of(const char *canonical);
int sg_hook_shell_start(const char *canonical, char *const argv[], char *const envp[], char **argv_out, char **env_out,
                        char *scratch, size_t scratch_size);
int sg_shell_armed(int shell);
/* Finds out now, in a forking shell, whether its hook is armed, for the children it is about to start. */
void sg_shell_note(int shell);

#endif
