/* One of the supervisor's files, read whole (small-file.c). */
#ifndef SHELLGUARD_SMALL_FILE_H
#define SHELLGUARD_SMALL_FILE_H

#include <stddef.h>
#include <sys/types.h>

/* Reads the file at path into text, NUL-terminated: its length, or -1 with errno set (ENOENT: there is none; EFBIG:
 * it does not fit in size - 1 bytes) and text empty. */
ssize_t sg_read_small_file(const char *path, char *text, size_t size);

#endif
