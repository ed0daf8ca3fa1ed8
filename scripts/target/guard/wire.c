/* ShellGuard exec guard: talking to the gateway (scripts/target/protocol/PROTOCOL.md). Each question opens its own
 * connection to the forwarded port and closes it again: the process that asks is usually about to be
 * replaced by exec, so there is nothing to keep it for. The port and the session's secret are read from the
 * session file, never from the environment. */
#define _GNU_SOURCE
#include "guard.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define SG_TIMEOUT_MS 30000

static int read_session(int *port, char *key, size_t size) {
    char path[PATH_MAX + 16], buf[512];
    if (sg_session_file(path, sizeof path, "session") != 0) {
        return -1;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) {
        return -1;
    }
    buf[n] = 0;
    *port = 0;
    key[0] = 0;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "port=", 5) == 0) {
            *port = atoi(line + 5);
        } else if (strncmp(line, "key=", 4) == 0) {
            snprintf(key, size, "%s", line + 4);
        }
    }
    return *port > 0 && key[0] ? 0 : -1;
}

static void read_small(const char *path, char *out, size_t size) {
    out[0] = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return;
    }
    ssize_t n = read(fd, out, size - 1);
    close(fd);
    out[n > 0 ? n : 0] = 0;
    out[strcspn(out, "\n")] = 0;
}

int sg_connect(void) {
    return sg_connect_as("guard/1", SG_ROLE_GUARD);
}

int sg_connect_as(const char *shell, const char *role) {
    int port;
    char key[128];
    if (!sg_dir_len || read_session(&port, key, sizeof key) != 0) {
        return -1;
    }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    char shell_pid[32], pidfile[PATH_MAX + 16], hello[512];
    shell_pid[0] = 0;
    if (sg_session_file(pidfile, sizeof pidfile, "shell.pid") == 0) {
        read_small(pidfile, shell_pid, sizeof shell_pid);
    }
    const char *level = getenv("SHLVL");
    _Static_assert(SG_H_KEY == 0 && SG_H_PID == 1 && SG_H_SHELL_PID == 2 && SG_H_PPID == 3 && SG_H_SHLVL == 4
                   && SG_H_SHELL == 5 && SG_H_ROLE == 6 && SG_HELLO_FIELDS == 7,
                   "the guard's hello does not follow protocol.def's hello fields");
    int n = snprintf(hello, sizeof hello, "H%c%s%c%d%c%s%c%d%c%s%c%s%c%s\n", SG_US, key, SG_US, (int)getpid(),
                     SG_US, shell_pid, SG_US, (int)getppid(), SG_US, level ? level : "", SG_US, shell, SG_US, role);
    if (n <= 0 || (size_t)n >= sizeof hello || sg_send(fd, hello, (size_t)n) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int sg_send(int fd, const char *text, size_t n) {
    while (n > 0) {
        ssize_t w = send(fd, text, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return -1;
        }
        text += w, n -= (size_t)w;
    }
    return 0;
}

int sg_read_line(int fd, char *buf, size_t size) {
    size_t len = 0;
    while (len + 1 < size) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int ready = poll(&p, 1, SG_TIMEOUT_MS);
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            return -1;
        }
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return -1;
        }
        if (c == '\n') {
            buf[len] = 0;
            return 0;
        }
        buf[len++] = c;
    }
    return -1;
}

void sg_append(char *out, size_t *len, size_t size, const char *text) {
    while (*text && *len + 1 < size) {
        out[(*len)++] = *text++;
    }
    out[*len] = 0;
}

void sg_append_escaped(char *out, size_t *len, size_t size, const char *text) {
    for (; *text && *len + 3 < size; text++) {
        switch (*text) {
            case '\\': out[(*len)++] = '\\', out[(*len)++] = '\\'; break;
            case '\n': out[(*len)++] = '\\', out[(*len)++] = 'n'; break;
            case SG_US: out[(*len)++] = '\\', out[(*len)++] = 'u'; break;
            default: out[(*len)++] = *text;
        }
    }
    out[*len] = 0;
}
