/* ShellGuard exec guard: shells that programs start get the hook.
 *
 * A hooked shell starts its shells with the hook (its stand-ins for bash, sh and dash, the exported BASH_ENV
 * and ZDOTDIR). Programs do not: python's pty.spawn, tmux and screen, vim's :terminal and :sh start an
 * interactive bash, which reads no BASH_ENV, as a login shell ("-bash") or not, and a program that cleans its
 * environment (env -i) drops BASH_ENV and ZDOTDIR altogether. Such a shell ran unhooked: its builtins, its
 * typed lines and (through enable) loadable builtins were unseen. The guard rewrites every start of bash and
 * zsh it lets through so that the shell arms the hook, whoever starts it:
 *
 *   - bash: BASH_ENV names the hook (non-interactive shells read it); an interactive start gets
 *     `--rcfile DIR/rc.bash` in place of its own rc options (--norc, --rcfile, --init-file), a login start
 *     ("-bash", -l, --login) becomes an interactive one with __SG_LOGIN=1, for which rc.bash reads the login
 *     files, and --posix becomes __SG_POSIX=1, which the hook honours (bash reads no rc file in POSIX mode);
 *   - zsh: ZDOTDIR names the hook's startup files, the user's own ZDOTDIR travels in __SG_ZDOTDIR (as the
 *     session's start script does it), and -f / --no-rcs are dropped.
 *
 * The guard also tells whether the process calling it is a shell whose hook is armed (and reports its own
 * starts, so the guard need not): bash and zsh export their symbols (loadable builtins and modules use them),
 * so the guard looks at the shell's own state instead of trusting the environment: the DEBUG trap is the
 * hook's read-only trap text and the hook's function __sg_t is defined (read-only, in bash). The symbols are
 * looked up once per process (a shell's children inherit them). */
#define _GNU_SOURCE
#include "guard.h"

#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *base(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int sg_shell_of(const char *canonical) {
    const char *b = base(canonical);
    return strcmp(b, "bash") == 0 ? SG_SHELL_BASH : strcmp(b, "zsh") == 0 ? SG_SHELL_ZSH : 0;
}

/* Appends to scratch and returns the copy (NULL when scratch is full). */
static char *keep(char **scratch, size_t *left, const char *a, const char *b) {
    int n = snprintf(*scratch, *left, "%s%s", a, b);
    if (n < 0 || (size_t)n >= *left) {
        return NULL;
    }
    char *kept = *scratch;
    *scratch += n + 1;
    *left -= (size_t)n + 1;
    return kept;
}

static int is_ours(const char *value) {
    return strncmp(value, sg_dir, (size_t)sg_dir_len) == 0 && value[sg_dir_len] == '/';
}

/* envp without the entries named in drop (NAME=), then the entries of add; out has room for both. */
static void environment(char *const envp[], const char *const drop[], char *const add[], char **out) {
    size_t n = 0;
    for (size_t i = 0; envp && envp[i]; i++) {
        int dropped = 0;
        for (size_t d = 0; drop[d] && !dropped; d++) {
            size_t len = strlen(drop[d]);
            dropped = strncmp(envp[i], drop[d], len) == 0;
        }
        if (!dropped) {
            out[n++] = envp[i];
        }
    }
    for (size_t a = 0; add[a]; a++) {
        out[n++] = add[a];
    }
    out[n] = NULL;
}

static const char *value_of(char *const envp[], const char *name) {
    size_t len = strlen(name);
    for (size_t i = 0; envp && envp[i]; i++) {
        if (strncmp(envp[i], name, len) == 0 && envp[i][len] == '=') {
            return envp[i] + len + 1;
        }
    }
    return NULL;
}

static int bash_start(char *const argv[], char *const envp[], char **argv_out, char **env_out, char *scratch, size_t left) {
    char rc[PATH_MAX], hook[PATH_MAX];
    struct stat st;
    if (sg_session_file(rc, sizeof rc, "rc.bash") != 0 || sg_session_file(hook, sizeof hook, "hook.bash") != 0
        || stat(hook, &st) != 0) {
        return 0;
    }
    int login = argv && argv[0] && argv[0][0] == '-', posix = 0, interactive = 0, command = 0, script = 0, ours = 0;
    size_t n = 1;
    size_t i = 1;
    for (; argv && argv[i]; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            script = argv[i + 1] != NULL;
            break;
        }
        if (strncmp(a, "--", 2) == 0) {
            if ((strcmp(a, "--rcfile") == 0 || strcmp(a, "--init-file") == 0) && argv[i + 1]) {
                ours |= strcmp(argv[i + 1], rc) == 0;
                i++;
            } else if (strcmp(a, "--login") == 0) {
                login = 1;
            } else if (strcmp(a, "--posix") == 0) {
                posix = 1;
            }
            continue;
        }
        if ((a[0] == '-' || a[0] == '+') && a[1]) {
            int stdin_mode = 0;
            for (const char *c = a + 1; *c; c++) {
                command |= *c == 'c';
                interactive |= *c == 'i';
                login |= *c == 'l' && a[0] == '-';
                stdin_mode |= *c == 's';
                if ((*c == 'o' || *c == 'O') && argv[i + 1]) {
                    posix |= strcmp(argv[i + 1], "posix") == 0 && a[0] == '-';
                    i++;
                    break;
                }
            }
            if (stdin_mode) {
                i++;
                break;
            }
            continue;
        }
        script = 1;
        break;
    }
    interactive = !command && !script && (interactive || (isatty(0) && isatty(2)));
    const char *bash_env = value_of(envp, "BASH_ENV");
    int env_ours = bash_env && is_ours(bash_env);
    if (ours || (!interactive && env_ours && !posix)) {
        return 0;
    }
    const char *drop[] = {"BASH_ENV=", "__SG_POSIX=", "__SG_LOGIN=", NULL};
    char *add[4] = {NULL};
    size_t k = 0;
    if (!(add[k++] = keep(&scratch, &left, "BASH_ENV=", env_ours ? bash_env : hook))) {
        return 0;
    }
    if (posix) {
        add[k++] = "__SG_POSIX=1";
    }
    if (interactive && login) {
        add[k++] = "__SG_LOGIN=1";
    }
    environment(envp, drop, add, env_out);
    if (!interactive) {
        /* (a non-interactive bash reads BASH_ENV; --posix alone would stop it) */
        argv_out[0] = argv[0];
        for (i = 1; argv[i]; i++) {
            if (strcmp(argv[i], "--posix") != 0) {
                argv_out[n++] = argv[i];
            }
        }
        argv_out[n] = NULL;
        return 1;
    }
    argv_out[0] = argv[0][0] == '-' ? argv[0] + 1 : argv[0];
    argv_out[n++] = "--rcfile";
    if (!(argv_out[n++] = keep(&scratch, &left, rc, ""))) {
        return 0;
    }
    for (i = 1; argv[i]; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "--rcfile") == 0 || strcmp(a, "--init-file") == 0) && argv[i + 1]) {
            i++;
            continue;
        }
        if (strcmp(a, "--norc") == 0 || strcmp(a, "--login") == 0 || strcmp(a, "--posix") == 0) {
            continue;
        }
        if (a[0] == '-' && a[1] != '-' && strchr(a, 'l')) {
            /* -l inside a cluster: the login files are read by rc.bash instead */
            char without[64];
            size_t w = 0;
            for (const char *c = a; *c && w + 1 < sizeof without; c++) {
                if (*c != 'l') {
                    without[w++] = *c;
                }
            }
            without[w] = 0;
            if (w > 1 && !(a = keep(&scratch, &left, without, ""))) {
                return 0;
            }
            if (w <= 1) {
                continue;
            }
        }
        argv_out[n++] = (char *)a;
    }
    argv_out[n] = NULL;
    return 1;
}

static int zsh_start(char *const argv[], char *const envp[], char **argv_out, char **env_out, char *scratch, size_t left) {
    char zdot[PATH_MAX], zshenv[PATH_MAX];
    struct stat st;
    if (sg_session_file(zdot, sizeof zdot, "zdot") != 0 || sg_session_file(zshenv, sizeof zshenv, "zdot/.zshenv") != 0
        || stat(zshenv, &st) != 0) {
        return 0;
    }
    const char *current = value_of(envp, "ZDOTDIR");
    int rcs_off = 0;
    for (size_t i = 1; argv && argv[i]; i++) {
        rcs_off |= strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "--no-rcs") == 0 || strcmp(argv[i], "--norcs") == 0;
    }
    if (current && strcmp(current, zdot) == 0 && !rcs_off) {
        return 0;
    }
    const char *drop[] = {"ZDOTDIR=", current && strcmp(current, zdot) != 0 ? "__SG_ZDOTDIR=" : NULL, NULL};
    char *add[3] = {NULL};
    size_t k = 0;
    if (!(add[k++] = keep(&scratch, &left, "ZDOTDIR=", zdot))) {
        return 0;
    }
    if (current && strcmp(current, zdot) != 0 && !(add[k++] = keep(&scratch, &left, "__SG_ZDOTDIR=", current))) {
        return 0;
    }
    environment(envp, drop, add, env_out);
    size_t n = 0;
    for (size_t i = 0; argv && argv[i]; i++) {
        if (i == 0 || (strcmp(argv[i], "-f") != 0 && strcmp(argv[i], "--no-rcs") != 0 && strcmp(argv[i], "--norcs") != 0)) {
            argv_out[n++] = argv[i];
        }
    }
    argv_out[n] = NULL;
    return 1;
}

int sg_hook_shell_start(const char *canonical, char *const argv[], char *const envp[], char **argv_out, char **env_out,
                        char *scratch, size_t scratch_size) {
    if (!sg_dir_len || !canonical || !*canonical || !argv || !argv[0]) {
        return 0;
    }
    switch (sg_shell_of(canonical)) {
        case SG_SHELL_BASH: return bash_start(argv, envp, argv_out, env_out, scratch, scratch_size);
        case SG_SHELL_ZSH: return zsh_start(argv, envp, argv_out, env_out, scratch, scratch_size);
        default: return 0;
    }
}

/* bash's variable cell (variables.h), unchanged since bash 2: the lane relies on it too. */
struct bash_var {
    char *name;
    char *value;
    char *exportstr;
    void *dynamic_value;
    void *assign_func;
    int attributes;
    int context;
};
#define BASH_READONLY 0x2

static int bash_armed(void) {
    static struct bash_var *(*find_variable)(const char *);
    static struct bash_var *(*find_function)(const char *);
    static char **traps;
    if (!traps) {
        find_variable = (struct bash_var * (*)(const char *)) dlsym(RTLD_DEFAULT, "find_variable");
        find_function = (struct bash_var * (*)(const char *)) dlsym(RTLD_DEFAULT, "find_function");
        traps = (char **)dlsym(RTLD_DEFAULT, "trap_list");
    }
    if (!find_variable || !find_function || !traps) {
        return 0;
    }
    struct bash_var *trap = find_variable("__sg_trap"), *t = find_function("__sg_t");
    const char *debug = traps[NSIG]; /* bash's DEBUG_TRAP */
    return trap && t && trap->value && debug && (trap->attributes & BASH_READONLY) && (t->attributes & BASH_READONLY)
           && strcmp(trap->value, debug) == 0;
}

static int zsh_armed(void) {
    static char *(*getsparam)(const char *);
    static void *(*getshfunc)(const char *);
    if (!getshfunc) {
        getsparam = (char *(*)(const char *))dlsym(RTLD_DEFAULT, "getsparam");
        getshfunc = (void *(*)(const char *))dlsym(RTLD_DEFAULT, "getshfunc");
    }
    if (!getsparam || !getshfunc) {
        return 0;
    }
    const char *role = getsparam("__sg_role");
    return role && *role && getshfunc("__sg_t") != NULL;
}

/* The answer for this process, found by the forking shell at most once a second (sg_shell_note) and inherited by
 * its children: a lookup in the shell's tables writes to them (bash counts hits), and every page a child writes
 * costs it a copy-on-write fault. -1: not known yet. */
static int armed = -1;

static int armed_now(int shell) {
    switch (shell) {
        case SG_SHELL_BASH: return bash_armed();
        case SG_SHELL_ZSH: return zsh_armed();
        default: return 0;
    }
}

void sg_shell_note(int shell) {
    armed = armed_now(shell);
}

/* (only a yes is taken from the forking shell: a shell asked while its startup files ran, before its hook
 * armed, must not stay "not armed" for the rest of that second) */
int sg_shell_armed(int shell) {
    return armed == 1 ? 1 : armed_now(shell);
}
