/* ShellGuard exec guard: the session's policy filter, the same one the shell hook gets (a `P` line: mode,
 * line-rules flag, program names, path globs), kept in the session directory as guard.policy so that a new
 * process reads a small file instead of asking the gateway. The file also holds the identity of every file
 * a named program resolves to (device and inode, size, SHA-256), which is how a hard link or a copy of rm
 * under another name is recognised. It is fetched again when it is older than 3 seconds, so a rule change
 * reaches the guard as fast as it reaches the shell hook; any process of the session may refresh it, and it
 * is replaced whole (written aside, then renamed), so readers never see half of it.
 *
 * Format: `shellguard-guard 1`, then `version N`, `mode allow|allowlist`, `lines 0|1`, `name NAME`...,
 * `glob GLOB`..., `file NAME DEV INO SIZE SHA256 CTIME`... (CTIME `seconds.nanoseconds`, the file's change time
 * when it was hashed: a refresh keeps the hash of a file whose identity, size and change time are the same; a line
 * without it is read, and its file hashed again at the next refresh), `end`. A file without `end` is not used. */
#define _GNU_SOURCE
#include "guard.h"
#include "sha256.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Searched for named programs besides the process's PATH: a copy is caught whichever PATH the rule's
 * program was found on. */
#define SG_SYSTEM_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

static struct sg_policy cache;
static struct stat cache_stat;

/* Empties a policy without touching all of its tables (a new process would fault in every page of them). */
static void sg_policy_clear(struct sg_policy *p) {
    p->loaded = 0, p->version = 0, p->allowlist = 0, p->lines = 0, p->overflow = 0;
    p->nnames = 0, p->nglobs = 0, p->nfiles = 0;
}

static int hash_file(const char *path, unsigned char out[32]) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    struct sg_sha256 s;
    unsigned char buf[16384];
    ssize_t n;
    sg_sha256_init(&s);
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        sg_sha256_update(&s, buf, (size_t)n);
    }
    close(fd);
    if (n < 0) {
        return -1;
    }
    sg_sha256_final(&s, out);
    return 0;
}

static int has_glob(const char *name) {
    return strpbrk(name, "*?[") != NULL;
}

/* Every file on PATH or the system path that the named program resolves to, once per file. A file previous knew
 * (the same name, device, inode, size and change time) keeps its hash: a refresh does not read every named
 * program again. */
static void add_files_of(struct sg_policy *p, const char *name, const struct sg_policy *previous) {
    char dirs[8192];
    const char *path = getenv("PATH");
    snprintf(dirs, sizeof dirs, "%s:%s", path ? path : "", SG_SYSTEM_PATH);
    char *save = NULL;
    for (char *dir = strtok_r(dirs, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
        char file[PATH_MAX];
        struct stat st;
        if (dir[0] != '/' || snprintf(file, sizeof file, "%s/%s", dir, name) >= (int)sizeof file
            || stat(file, &st) != 0 || !S_ISREG(st.st_mode)) {
            continue;
        }
        int known = 0;
        for (int i = 0; i < p->nfiles && !known; i++) {
            known = p->files[i].dev == st.st_dev && p->files[i].ino == st.st_ino && strcmp(p->files[i].name, name) == 0;
        }
        if (known) {
            continue;
        }
        if (p->nfiles == SG_MAX_FILES) {
            p->overflow = 1;
            return;
        }
        struct sg_file *f = &p->files[p->nfiles];
        const struct sg_file *before = NULL;
        /* the same file under another name (shutdown and reboot are both systemctl): hashed once */
        for (int i = 0; i < p->nfiles && !before; i++) {
            const struct sg_file *o = &p->files[i];
            if (o->dev == st.st_dev && o->ino == st.st_ino && o->size == st.st_size
                && o->ctime.tv_sec == st.st_ctim.tv_sec && o->ctime.tv_nsec == st.st_ctim.tv_nsec) {
                before = o;
            }
        }
        for (int i = 0; previous && i < previous->nfiles && !before; i++) {
            const struct sg_file *o = &previous->files[i];
            if (o->dev == st.st_dev && o->ino == st.st_ino && o->size == st.st_size
                && o->ctime.tv_sec == st.st_ctim.tv_sec && o->ctime.tv_nsec == st.st_ctim.tv_nsec
                && strcmp(o->name, name) == 0) {
                before = o;
            }
        }
        if (before) {
            memcpy(f->sha, before->sha, sizeof f->sha);
        } else if (hash_file(file, f->sha) != 0) {
            continue;
        }
        f->ctime = st.st_ctim;
        snprintf(f->name, sizeof f->name, "%s", name);
        f->dev = st.st_dev, f->ino = st.st_ino, f->size = st.st_size;
        p->nfiles++;
    }
}

/* Parses a P line: P US version US mode US lines US names (space separated) US globs (RS separated). */
static int parse_p_line(char *line, struct sg_policy *p, const struct sg_policy *previous) {
    char *field[6] = {0};
    int n = 0;
    field[n++] = line;
    for (char *c = line; *c && n < 6; c++) {
        if (*c == SG_US) {
            *c = 0;
            field[n++] = c + 1;
        }
    }
    if (n < 6 || strcmp(field[0], "P") != 0) {
        return -1;
    }
    sg_policy_clear(p);
    p->version = atoll(field[1]);
    p->allowlist = strcmp(field[2], "allow") != 0;
    p->lines = strcmp(field[3], "0") != 0;
    char *save = NULL;
    for (char *name = strtok_r(field[4], " ", &save); name; name = strtok_r(NULL, " ", &save)) {
        if (p->nnames == SG_MAX_NAMES || strlen(name) >= SG_NAME) {
            p->overflow = 1;
            continue;
        }
        strcpy(p->names[p->nnames++], name);
        if (!has_glob(name) && !strchr(name, '/')) {
            add_files_of(p, name, previous);
        }
    }
    save = NULL;
    for (char *glob = strtok_r(field[5], "\x1e", &save); glob; glob = strtok_r(NULL, "\x1e", &save)) {
        if (p->nglobs == SG_MAX_GLOBS || strlen(glob) >= SG_GLOB) {
            p->overflow = 1;
            continue;
        }
        strcpy(p->globs[p->nglobs++], glob);
    }
    p->loaded = 1;
    return 0;
}

static void policy_path(char *out, size_t size, const char *suffix) {
    snprintf(out, size, "%.*s/guard.policy%s", sg_dir_len, sg_dir, suffix);
}

static int write_policy(const struct sg_policy *p) {
    char tmp[PATH_MAX + 64], final[PATH_MAX + 32], suffix[32];
    snprintf(suffix, sizeof suffix, ".%d", (int)getpid());
    policy_path(tmp, sizeof tmp, suffix);
    policy_path(final, sizeof final, "");
    FILE *out = fopen(tmp, "we");
    if (!out) {
        return -1;
    }
    fprintf(out, "shellguard-guard 1\nversion %lld\nmode %s\nlines %d\n", p->version, p->allowlist ? "allowlist" : "allow",
            p->lines || p->overflow);
    for (int i = 0; i < p->nnames; i++) {
        fprintf(out, "name %s\n", p->names[i]);
    }
    for (int i = 0; i < p->nglobs; i++) {
        fprintf(out, "glob %s\n", p->globs[i]);
    }
    for (int i = 0; i < p->nfiles; i++) {
        const struct sg_file *f = &p->files[i];
        fprintf(out, "file %s %llu %llu %lld ", f->name, (unsigned long long)f->dev, (unsigned long long)f->ino,
                (long long)f->size);
        for (int b = 0; b < 32; b++) {
            fprintf(out, "%02x", f->sha[b]);
        }
        fprintf(out, " %lld.%09ld\n", (long long)f->ctime.tv_sec, (long)f->ctime.tv_nsec);
    }
    fputs("end\n", out);
    if (fclose(out) != 0 || rename(tmp, final) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

int (*sg_policy_asker)(char *line, size_t size);

/* Asks the gateway for the session's policy filter, into fresh. */
static int ask_policy(struct sg_policy *fresh, const struct sg_policy *previous) {
    static char line[SG_LINE];
    if (sg_policy_asker) {
        return sg_policy_asker(line, sizeof line) == 0 ? parse_p_line(line, fresh, previous) : -1;
    }
    int fd = sg_connect();
    if (fd < 0) {
        return -1;
    }
    int ok = -1;
    if (sg_send(fd, "P\n", 2) == 0) {
        while (sg_read_line(fd, line, sizeof line) == 0) {
            if (line[0] == 'P' && line[1] == SG_US) {
                ok = parse_p_line(line, fresh, previous);
                break;
            }
        }
    }
    close(fd);
    return ok;
}

static int fetch_policy(const struct sg_policy *previous) {
    struct sg_policy fresh;
    return ask_policy(&fresh, previous) == 0 ? write_policy(&fresh) : -1;
}

int sg_policy_private;

/* The supervisor's policy: asked of the gateway and kept in its own memory, which the login can neither read nor
 * write (it is non-dumpable), never in a file of the session's directory, which the login can rewrite. */
static time_t asked;

int sg_policy_private_stale(void) {
    time_t now = time(NULL);
    return !cache.loaded || now - asked >= SG_REFRESH_SECONDS || now < asked;
}

static const struct sg_policy *private_policy(void) {
    time_t now = time(NULL);
    if (sg_policy_private_stale()) {
        static struct sg_policy fresh;
        if (ask_policy(&fresh, cache.loaded ? &cache : NULL) == 0) {
            cache = fresh;
            asked = now;
        } else if (now - asked >= 4 * SG_REFRESH_SECONDS) {
            cache.loaded = 0; /* too old to decide with, like a file the guard cannot refresh */
        }
    }
    return cache.loaded ? &cache : NULL;
}

/* Reads guard.policy with plain system calls: stdio would initialise the allocator in every new process. */
static int parse_file(const char *path, struct sg_policy *p) {
    static char text[SG_MAX_NAMES * (SG_NAME + 8) + SG_MAX_GLOBS * (SG_GLOB + 8) + SG_MAX_FILES * (SG_NAME + 120) + 256];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    size_t len = 0;
    ssize_t n;
    while (len < sizeof text - 1 && (n = read(fd, text + len, sizeof text - 1 - len)) > 0) {
        len += (size_t)n;
    }
    close(fd);
    text[len] = 0;
    int ended = 0;
    sg_policy_clear(p);
    if (strncmp(text, "shellguard-guard 1\n", 19) != 0) {
        return -1;
    }
    char *save = NULL;
    for (char *line = strtok_r(text + 19, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "version ", 8) == 0) {
            p->version = atoll(line + 8);
        } else if (strncmp(line, "mode ", 5) == 0) {
            p->allowlist = strcmp(line + 5, "allow") != 0;
        } else if (strncmp(line, "lines ", 6) == 0) {
            p->lines = strcmp(line + 6, "0") != 0;
        } else if (strncmp(line, "name ", 5) == 0 && p->nnames < SG_MAX_NAMES) {
            snprintf(p->names[p->nnames++], SG_NAME, "%s", line + 5);
        } else if (strncmp(line, "glob ", 5) == 0 && p->nglobs < SG_MAX_GLOBS) {
            snprintf(p->globs[p->nglobs++], SG_GLOB, "%s", line + 5);
        } else if (strncmp(line, "file ", 5) == 0 && p->nfiles < SG_MAX_FILES) {
            struct sg_file *f = &p->files[p->nfiles];
            char *field[6];
            int k = 0;
            for (char *c = line + 5, *start = c; k < 6; c++) {
                if (*c == ' ' || *c == 0) {
                    int last = *c == 0;
                    *c = 0;
                    field[k++] = start;
                    start = c + 1;
                    if (last) {
                        break;
                    }
                }
            }
            if (k >= 5 && strlen(field[4]) == 64 && strlen(field[0]) < SG_NAME) {
                strcpy(f->name, field[0]);
                f->dev = (dev_t)strtoull(field[1], NULL, 10), f->ino = (ino_t)strtoull(field[2], NULL, 10);
                f->size = (off_t)strtoll(field[3], NULL, 10);
                for (int b = 0; b < 32; b++) {
                    char hex[3] = {field[4][2 * b], field[4][2 * b + 1], 0};
                    f->sha[b] = (unsigned char)strtoul(hex, NULL, 16);
                }
                char *nsec = NULL;
                f->ctime.tv_sec = k == 6 ? (time_t)strtoll(field[5], &nsec, 10) : 0;
                f->ctime.tv_nsec = nsec && *nsec == '.' ? strtol(nsec + 1, NULL, 10) : 0;
                p->nfiles++;
            }
        } else if (strcmp(line, "end") == 0) {
            ended = 1;
        }
    }
    p->loaded = ended;
    return ended ? 0 : -1;
}

/* Whether st is the guard.policy this process parsed last. */
static int same_file_as_cache(const struct stat *st) {
    return cache.loaded && st->st_ino == cache_stat.st_ino && st->st_mtim.tv_sec == cache_stat.st_mtim.tv_sec
           && st->st_mtim.tv_nsec == cache_stat.st_mtim.tv_nsec && st->st_size == cache_stat.st_size;
}

const struct sg_policy *sg_policy(void) {
    if (sg_policy_private) {
        return private_policy();
    }
    char path[PATH_MAX + 32];
    struct stat st;
    policy_path(path, sizeof path, "");
    int present = stat(path, &st) == 0;
    if (!present || time(NULL) - st.st_mtime >= SG_REFRESH_SECONDS) {
        /* the copy being replaced lends the hashes of the files that did not change (same identity, size and
         * change time): hashing every named program again (3 MB with systemctl twice) cost the process that
         * refreshed, every 3 seconds, tens of milliseconds */
        if (present && !same_file_as_cache(&st) && parse_file(path, &cache) == 0) {
            cache_stat = st;
        } else if (present && !same_file_as_cache(&st)) {
            cache.loaded = 0;
        }
        if (fetch_policy(present && cache.loaded ? &cache : NULL) == 0) {
            present = stat(path, &st) == 0;
        }
    }
    if (!present) {
        return NULL;
    }
    if (same_file_as_cache(&st)) {
        return &cache;
    }
    if (parse_file(path, &cache) != 0) {
        cache.loaded = 0;
        return NULL;
    }
    cache_stat = st;
    return &cache;
}

static int has_token(const char *list, const char *name) {
    size_t n = strlen(name);
    for (const char *at = strstr(list, name); at; at = strstr(at + 1, name)) {
        if ((at == list || at[-1] == ' ') && (at[n] == 0 || at[n] == ' ')) {
            return 1;
        }
    }
    return 0;
}

void sg_same_as(const struct sg_policy *p, const char *path, const struct stat *st, char *same, size_t size) {
    size_t len = strlen(same);
    if (p->nfiles == 0) {
        return;
    }
    int hashed = 0;
    unsigned char sha[32];
    for (int i = 0; i < p->nfiles; i++) {
        const struct sg_file *f = &p->files[i];
        int same_file = f->dev == st->st_dev && f->ino == st->st_ino;
        if (!same_file && f->size == st->st_size) {
            if (!hashed) {
                hashed = hash_file(path, sha) == 0 ? 1 : -1;
            }
            same_file = hashed == 1 && memcmp(sha, f->sha, 32) == 0;
        }
        if (same_file && !has_token(same, f->name)) {
            if (len) {
                sg_append(same, &len, size, " ");
            }
            sg_append(same, &len, size, f->name);
        }
    }
}
