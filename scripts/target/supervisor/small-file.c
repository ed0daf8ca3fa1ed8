/* The supervisor's files (login, watch), read whole. */
#define _GNU_SOURCE
#include "small-file.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

ssize_t sg_read_small_file(const char *path, char *text, size_t size) {
    text[0] = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    size_t len = 0;
    ssize_t n;
    char more;
    /* once the room is full, one more byte tells a file that ends there from one that does not fit */
    while ((n = len < size - 1 ? read(fd, text + len, size - 1 - len) : read(fd, &more, 1)) != 0) {
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 || len == size - 1) {
            int error = n < 0 ? errno : EFBIG;
            close(fd);
            text[0] = 0;
            errno = error;
            return -1;
        }
        len += (size_t)n;
    }
    close(fd);
    text[len] = 0;
    return (ssize_t)len;
}
