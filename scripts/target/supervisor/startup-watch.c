/* The login's startup and key files, watched while the session runs.
 *
 * The gateway hashes these files (~/.bashrc, ~/.ssh/authorized_keys, ... the list is the gateway's,
 * StartupFileReader.FILES, written by the installer into the supervisor's `watch` file) when a session starts, and
 * alerts a change it did not make. That check alone misses a change made and undone within one session: a key
 * appended to authorized_keys, used for an unwatched `ssh localhost`, and removed again before the session ends.
 * The supervisor watches the files with inotify for as long as the session lives and reports every write, rename,
 * removal, creation, new hard link or mode change as an `A startup` alert (the gateway raises
 * STARTUP_FILE_CHANGED, and on a strict server ends the session).
 *
 * What is watched: each existing file itself (its inode, so a write through another hard link is seen too) and
 * every directory its name is looked up through, symbolic links followed as sshd and the shells follow them (a
 * file created, renamed in or out, removed; a directory on the way moved away). A `~/.ssh` that is a link to
 * `~/keys`, or an `authorized_keys2` that is a link to `/tmp/k`, is watched where it leads: `/tmp` for the name
 * `k` (a dangling link reads as an absent file to the start check, and creating its target plants the file). A
 * change anywhere on that way looks the name up again, so the watch follows it (a directory made later, `~/.ssh`,
 * is watched from when it appears, and a file already in it then is reported).
 * A file or directory the watch cannot watch (inotify refusing it: a directory the login made unreadable, which
 * sshd can still search, the login's inotify watches used up beforehand) is reported as such at once, rather than
 * left unwatched.
 *
 * The watch begins when the supervisor starts, a moment after the installer hashed the files for the gateway's
 * start check; the installer hands its hashes on in the list (`FILE STATE`), and each file found otherwise once
 * watched is reported as changed in between.
 *
 * Limits: inotify sees changes through this machine's kernel only (a home on NFS changed from another machine is
 * not seen); a write by root outside the session is reported too,
 * as a change the gateway did not make. Each file is reported at most SG_WATCH_REPORTS times a session, a run of the same change (writes) once. */
#define _GNU_SOURCE
#include "startup-watch.h"
#include "../guard/sha256.h"
#include "small-file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define SG_WATCH_FILES 32
#define SG_WATCH_REPORTS 8
#define SG_WATCH_STEPS 16 /* directory entries a name is looked up through, links followed */
#define SG_WATCH_LINKS 40 /* symbolic links followed for one name, as the kernel's limit */
#define SG_FILE_EVENTS (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_DELETE_SELF | IN_MOVE_SELF | IN_DONT_FOLLOW)
#define SG_DIR_EVENTS (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW)

static struct {
    char rel[PATH_MAX]; /* relative to home, as the gateway names it */
    struct {
        int wd;              /* the directory's watch */
        char name[NAME_MAX + 1]; /* the entry in it the lookup took */
        int own;                 /* the name's last part: the file's own entry (or a link it is) */
    } step[SG_WATCH_STEPS];
    int steps;
    int file_wd;        /* -1: the name leads to no file */
    dev_t dev;          /* the file it led to when last looked up */
    ino_t ino;
    int exists;
    int reports;
    const char *pending; /* what happened to it since the events were last read: one report for a burst */
    const char *last;    /* what was last reported: a run of writes is one report */
    char refused[160];   /* why inotify would not watch a part of it */
    char checked[65];    /* its state at the installer's start check (SHA-256 in hex, `absent`), "" when unknown */
} files[SG_WATCH_FILES];
static int nfiles, inotify_fd = -1;
static char home[PATH_MAX];
static void (*report)(const char *file, const char *what);

/* Notes what happened to file i; of a burst (an rm is a link count change, then the removal) the most telling
 * is reported: the file's name or inode changing over its mode or links, those over its content. */
static void tell(int i, const char *what) {
    static const char *const weaker[] = {"written", "mode, owner or links changed", NULL};
    int rank_new = 2, rank_old = 2;
    for (int k = 0; weaker[k]; k++) {
        if (strcmp(what, weaker[k]) == 0) rank_new = k;
        if (files[i].pending && strcmp(files[i].pending, weaker[k]) == 0) rank_old = k;
    }
    if (!files[i].pending || rank_new > rank_old) {
        files[i].pending = what;
    }
}

static void report_pending(void) {
    for (int i = 0; i < nfiles; i++) {
        if (files[i].pending && (!files[i].last || strcmp(files[i].pending, files[i].last) != 0) && files[i].reports < SG_WATCH_REPORTS) {
            files[i].reports++;
            files[i].last = files[i].pending;
            report(files[i].rel, files[i].pending);
        }
        files[i].pending = NULL;
    }
}

static void cannot_watch(int i, const char *path) {
    snprintf(files[i].refused, sizeof files[i].refused, "cannot be watched (%s: %s)", path, strerror(errno));
    tell(i, files[i].refused);
}

/* The name leads where the kernel goes and the watch cannot follow (its own bounds): that is said, never left unwatched
 * in silence, for sshd would still find keys there. */
static void cannot_follow(int i, const char *why) {
    snprintf(files[i].refused, sizeof files[i].refused, "cannot be watched (its name leads through %s)", why);
    tell(i, files[i].refused);
}

static void join(char *out, size_t size, const char *dir, const char *name) {
    snprintf(out, size, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", name);
}

/* Looks file i's name up from home as the kernel would, one entry at a time, following symbolic links, and
 * watches every directory it passes through and the file it ends at. */
static void look_up(int i) {
    char dir[PATH_MAX], rest[PATH_MAX], name[NAME_MAX + 1], entry[PATH_MAX + NAME_MAX + 2];
    int links = 0;
    snprintf(dir, sizeof dir, "%s", home);
    snprintf(rest, sizeof rest, "%s", files[i].rel);
    files[i].steps = 0;
    files[i].file_wd = -1;
    files[i].exists = 0;
    const char *p = rest;
    for (;;) {
        while (*p == '/') p++;
        if (!*p) {
            return;
        }
        size_t len = strcspn(p, "/");
        if (len > NAME_MAX) {
            return;
        }
        memcpy(name, p, len);
        name[len] = 0;
        p += len;
        const char *after = p + strspn(p, "/");
        if (strcmp(name, ".") == 0) {
            continue;
        }
        if (strcmp(name, "..") == 0) {
            char *slash = strrchr(dir, '/');
            slash == dir ? (void)snprintf(dir, sizeof dir, "/") : (void)(*slash = 0);
            continue;
        }
        if (files[i].steps == SG_WATCH_STEPS) {
            cannot_follow(i, "more directories than the watch follows");
            return;
        }
        int wd = inotify_add_watch(inotify_fd, dir, SG_DIR_EVENTS);
        if (wd < 0) {
            if (errno != ENOENT && errno != ENOTDIR) {
                cannot_watch(i, dir);
            }
            return; /* a home that does not exist; or the directory went since it was looked at, which its parent's
                       watch sees (the name is looked up again then) */
        }
        files[i].step[files[i].steps].wd = wd;
        snprintf(files[i].step[files[i].steps].name, sizeof files[i].step[0].name, "%s", name);
        files[i].step[files[i].steps].own = !*after;
        files[i].steps++;
        join(entry, sizeof entry, dir, name);
        struct stat st;
        if (lstat(entry, &st) != 0) {
            return; /* absent: the directory's watch sees it appear */
        }
        if (S_ISLNK(st.st_mode)) {
            char target[PATH_MAX], next[PATH_MAX];
            ssize_t n = readlink(entry, target, sizeof target - 1);
            if (n <= 0) {
                return; /* gone since the lstat: the directory's watch sees it */
            }
            if (++links > SG_WATCH_LINKS) {
                cannot_follow(i, "more links than the watch follows");
                return;
            }
            target[n] = 0;
            if (snprintf(next, sizeof next, "%s/%s", target, after) >= (int)sizeof next) {
                cannot_follow(i, "a link longer than the watch follows");
                return;
            }
            if (target[0] == '/') {
                snprintf(dir, sizeof dir, "/");
            }
            snprintf(rest, sizeof rest, "%s", next);
            p = rest;
            continue;
        }
        if (!*after) {
            files[i].file_wd = inotify_add_watch(inotify_fd, entry, SG_FILE_EVENTS);
            if (files[i].file_wd < 0 && errno != ENOENT) {
                cannot_watch(i, entry);
            }
            files[i].exists = 1;
            files[i].dev = st.st_dev;
            files[i].ino = st.st_ino;
            return;
        }
        if (!S_ISDIR(st.st_mode)) {
            return; /* a file where a directory belongs: nothing is under it, and the entry's watch sees it go */
        }
        if (snprintf(dir, sizeof dir, "%s", entry) >= (int)sizeof dir) {
            cannot_follow(i, "a path longer than the watch follows");
            return;
        }
    }
}

/* Looks file i up again after a change on its way and says what that did to the file it names. */
static void look_up_again(int i) {
    int existed = files[i].exists;
    dev_t dev = files[i].dev;
    ino_t ino = files[i].ino;
    look_up(i);
    if (!existed && files[i].exists) {
        tell(i, "created");
    } else if (existed && !files[i].exists) {
        tell(i, "removed (a directory or link on its way changed)");
    } else if (existed && (dev != files[i].dev || ino != files[i].ino)) {
        tell(i, "replaced (a directory or link on its way changed)");
    }
}

/* The file's state now, as the installer's start check writes it: SHA-256 in hex or `absent`; "" when it cannot be
 * read (the installer said why already, or says so at the next session). */
static void state_of(int i, char out[65]) {
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/%s", home, files[i].rel);
    out[0] = 0;
    /* a regular file only: opening a device the name leads to can do things (/dev/watchdog, as root); O_PATH
     * opens nothing, and the file found is then opened through it, so no other can be put in between */
    int at = open(path, O_PATH | O_CLOEXEC), fd = -1;
    struct stat st;
    if (at < 0) {
        if (errno == ENOENT) {
            snprintf(out, 65, "absent");
        }
        return;
    }
    char reopen[64];
    snprintf(reopen, sizeof reopen, "/proc/self/fd/%d", at);
    if (fstat(at, &st) == 0 && S_ISREG(st.st_mode) && (fd = open(reopen, O_RDONLY | O_CLOEXEC)) >= 0) {
        struct sg_sha256 s;
        unsigned char buf[16384], sha[32];
        ssize_t n;
        sg_sha256_init(&s);
        while ((n = read(fd, buf, sizeof buf)) > 0) {
            sg_sha256_update(&s, buf, (size_t)n);
        }
        if (n == 0) {
            sg_sha256_final(&s, sha);
            for (int b = 0; b < 32; b++) {
                snprintf(out + 2 * b, 3, "%02x", sha[b]);
            }
        }
        close(fd);
    }
    close(at);
}

/* The installer hashed the files a moment before the watch began: a change in between (a process of the login's
 * that waited for the check to pass) is reported as any other. Read once the file is watched, so nothing falls
 * between the two. */
static void since_checked(int i) {
    char now[65];
    if (!files[i].checked[0]) {
        return;
    }
    state_of(i, now);
    if (now[0] && strcmp(now, files[i].checked) != 0) {
        tell(i, strcmp(now, "absent") == 0 ? "removed between the session's start check and the watch"
                : strcmp(files[i].checked, "absent") == 0 ? "created between the session's start check and the watch"
                : "changed between the session's start check and the watch");
    }
}

int sg_watch_start(const char *list_path, void (*reporter)(const char *file, const char *what)) {
    char text[8192];
    report = reporter;
    if (sg_read_small_file(list_path, text, sizeof text) < 0) {
        return errno == ENOENT ? 0 : -1;
    }
    char *save = NULL, *line = strtok_r(text, "\n", &save);
    if (!line || line[0] != '/') {
        return -1;
    }
    /* the home as the kernel finds it: the lookups below follow links from there (a home that does not exist is
     * taken as written: nothing in it is watched, nor needs to be) */
    if (!realpath(line, home)) {
        snprintf(home, sizeof home, "%s", line);
    }
    inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_fd < 0) {
        return -1;
    }
    while ((line = strtok_r(NULL, "\n", &save)) && nfiles < SG_WATCH_FILES) {
        char *state = strchr(line, ' ');
        if (state) {
            *state++ = 0;
        }
        if (line[0] == '/' || strstr(line, "..")) {
            continue;
        }
        snprintf(files[nfiles].rel, sizeof files[nfiles].rel, "%s", line);
        snprintf(files[nfiles].checked, sizeof files[nfiles].checked, "%s",
                 state && (strcmp(state, "absent") == 0 || strlen(state) == 64) ? state : "");
        files[nfiles].file_wd = -1;
        nfiles++;
    }
    for (int i = 0; i < nfiles; i++) {
        look_up(i);
        since_checked(i);
    }
    /* the supervisor's main loop sleeps in waitpid: SIGIO (its handler sets a flag) wakes it for the events */
    if (fcntl(inotify_fd, F_SETOWN, getpid()) != 0 || fcntl(inotify_fd, F_SETFL, O_ASYNC | O_NONBLOCK) != 0) {
        close(inotify_fd);
        inotify_fd = -1;
        return -1;
    }
    report_pending(); /* what could not be watched */
    return nfiles;
}

static void on_event(const struct inotify_event *e) {
    for (int i = 0; i < nfiles; i++) {
        if (e->wd == files[i].file_wd) {
            if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
                tell(i, e->mask & IN_DELETE_SELF ? "removed" : "renamed");
            } else if (e->mask & IN_ATTRIB) {
                tell(i, "mode, owner or links changed");
            } else if (e->mask & (IN_MODIFY | IN_CLOSE_WRITE)) {
                tell(i, "written");
            }
            if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)) {
                look_up(i); /* the name may lead elsewhere now: a link's target renamed over, say */
            }
            continue;
        }
        for (int k = 0; k < files[i].steps; k++) {
            if (e->wd != files[i].step[k].wd) {
                continue;
            }
            if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
                tell(i, "its directory was removed or renamed");
                look_up(i);
                break;
            }
            if (!e->len || strcmp(e->name, files[i].step[k].name) != 0) {
                continue; /* another entry of the directory, which may be on the way further on */
            }
            if (files[i].step[k].own) {
                /* the file's own entry: said as it happened */
                int appeared = e->mask & (IN_CREATE | IN_MOVED_TO);
                tell(i, appeared ? (e->mask & IN_CREATE ? "created" : "replaced by a rename")
                                 : (e->mask & IN_DELETE ? "removed" : "renamed away"));
                look_up(i);
            } else {
                look_up_again(i);
            }
            break;
        }
    }
}

void sg_watch_events(void) {
    if (inotify_fd < 0) {
        return;
    }
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(inotify_fd, buf, sizeof buf);
        if (n <= 0) {
            report_pending(); /* EAGAIN: all read */
            return;
        }
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            if (e->mask & IN_Q_OVERFLOW) {
                for (int i = 0; i < nfiles; i++) {
                    tell(i, "possibly changed (the kernel's event queue overflowed)");
                    look_up(i);
                }
            } else {
                on_event(e);
            }
            p += sizeof *e + e->len;
        }
    }
}
