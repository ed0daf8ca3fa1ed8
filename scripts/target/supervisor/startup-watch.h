/* The supervisor's watch over the login's startup and key files while the session runs (startup-watch.c). */
#ifndef SHELLGUARD_STARTUP_WATCH_H
#define SHELLGUARD_STARTUP_WATCH_H

/* Reads the list (the login's home on its first line, then one file a line, relative to it, and after a space its
 * state at the installer's start check where it had one) and watches the files; what cannot be watched, and a file
 * no longer in the state the start check found, is reported at once; events arrive as SIGIO, after which
 * sg_watch_events reads them and calls reporter(file, what) for each change. Returns how many files are watched, 0
 * without a list, -1 on an error (a list over 8 KiB is one). */
int sg_watch_start(const char *list_path, void (*reporter)(const char *file, const char *what));
/* Reads what the kernel has queued and reports it; returns at once when nothing is. */
void sg_watch_events(void);

#endif
