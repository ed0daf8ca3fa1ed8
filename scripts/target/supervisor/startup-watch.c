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
 * each directory that holds one of the files (a file created, renamed in or out, removed; the directory itself
 * moved away). A directory created later (~/.ssh) is watched from when it appears, and a file already in it then
 * is reported.
 *
 * Limits: inotify sees changes through this machine's kernel only (a home on NFS changed from another machine is
 * not seen); the watch begins when the supervisor starts, after the installer hashed the files (a change in
 * between is the start check's to find at the next session); a write by root outside the session is reported too,
 * as a change the gateway did not make. Each file is reported at most SG_WATCH_REPORTS times a session, a run of the same change (writes) once. */
#define _GNU_SOURCE
#include "startup-watch.h"
#include "small-file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define SG_WATCH_FILES 32
#define SG_WATCH_REPORTS 8
#define SG_FILE_EVENTS (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_DELETE_SELF | IN_MOVE_SELF)
#define SG_DIR_EVENTS (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

static struct {
    char rel[PATH_MAX];  /* relative to home, as the gateway names it */
    int file_wd, dir_wd; /* -1: not watched (the file or its directory does not exist) */
    int reports;
    const char *pending; /* what happened to it since the events were last read: one report for a burst */
    const char *last;    /* what was last reported: a run of writes is one report */
} files[SG_WATCH_FILES];
static int nfiles, inotify_fd = -1;
static char home[PATH_MAX];
static void (*report)(const char *file, const char *what);

static void full_path(char *out, size_t size, const char *rel) {
    snprintf(out, size, "%s/%s", home, rel);
}

/* The directory part of a relative name ("" for a file directly in home). */
static void dir_of(const char *rel, char *out, size_t size) {
    const char *slash = strrchr(rel, '/');
    snprintf(out, size, "%.*s", slash ? (int)(slash - rel) : 0, rel);
}

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

static void watch_file(int i) {
    char path[PATH_MAX * 2];
    full_path(path, sizeof path, files[i].rel);
    files[i].file_wd = inotify_add_watch(inotify_fd, path, SG_FILE_EVENTS | IN_DONT_FOLLOW);
}

/* Watches file i's directory (shared by the files in it) and, where it exists, the file. */
static void watch(int i) {
    char dir[PATH_MAX], path[PATH_MAX * 2];
    dir_of(files[i].rel, dir, sizeof dir);
    snprintf(path, sizeof path, "%s%s%s", home, dir[0] ? "/" : "", dir);
    files[i].dir_wd = inotify_add_watch(inotify_fd, path, SG_DIR_EVENTS | IN_DONT_FOLLOW);
    watch_file(i);
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
    snprintf(home, sizeof home, "%s", line);
    inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_fd < 0) {
        return -1;
    }
    while ((line = strtok_r(NULL, "\n", &save)) && nfiles < SG_WATCH_FILES) {
        if (line[0] == '/' || strstr(line, "..")) {
            continue;
        }
        snprintf(files[nfiles].rel, sizeof files[nfiles].rel, "%s", line);
        files[nfiles].file_wd = files[nfiles].dir_wd = -1;
        nfiles++;
    }
    for (int i = 0; i < nfiles; i++) {
        watch(i);
    }
    /* the supervisor's main loop sleeps in waitpid: SIGIO (its handler sets a flag) wakes it for the events */
    if (fcntl(inotify_fd, F_SETOWN, getpid()) != 0 || fcntl(inotify_fd, F_SETFL, O_ASYNC | O_NONBLOCK) != 0) {
        close(inotify_fd);
        inotify_fd = -1;
        return -1;
    }
    return nfiles;
}

/* A directory appeared where one of the files lives (~/.ssh made in the session): watch it, and report what
 * is in it already (written before the watch could be added). */
static void directory_appeared(const char *parent_rel, const char *name) {
    char rel[PATH_MAX];
    snprintf(rel, sizeof rel, "%s%s%s", parent_rel, parent_rel[0] ? "/" : "", name);
    for (int i = 0; i < nfiles; i++) {
        char dir[PATH_MAX];
        dir_of(files[i].rel, dir, sizeof dir);
        if (strcmp(dir, rel) == 0) {
            watch(i);
            struct stat st;
            char path[PATH_MAX * 2];
            full_path(path, sizeof path, files[i].rel);
            if (lstat(path, &st) == 0) {
                tell(i, "created");
            }
        }
    }
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
            continue;
        }
        if (e->wd != files[i].dir_wd) {
            continue;
        }
        if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
            tell(i, "its directory was removed or renamed");
            continue;
        }
        const char *base = strrchr(files[i].rel, '/');
        base = base ? base + 1 : files[i].rel;
        if (e->len && strcmp(e->name, base) == 0) {
            if (e->mask & (IN_CREATE | IN_MOVED_TO)) {
                watch_file(i); /* a new inode under the name */
                tell(i, e->mask & IN_CREATE ? "created" : "replaced by a rename");
            } else if (e->mask & (IN_DELETE | IN_MOVED_FROM)) {
                tell(i, e->mask & IN_DELETE ? "removed" : "renamed away");
            }
        }
    }
    if (e->len && (e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) {
        for (int i = 0; i < nfiles; i++) {
            if (e->wd == files[i].dir_wd) {
                char dir[PATH_MAX];
                dir_of(files[i].rel, dir, sizeof dir);
                directory_appeared(dir, e->name);
                break;
            }
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
                }
            } else {
                on_event(e);
            }
            p += sizeof *e + e->len;
        }
    }
}
