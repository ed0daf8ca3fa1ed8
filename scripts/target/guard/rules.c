/* ShellGuard: how a program start is matched against the session's policy and put on the wire, shared by the
 * exec guard (a preloaded library that sees the C library's program starts) and the supervisor (a ptrace
 * tracer that sees every exec system call). Both decide the same way: a start whose name, path and canonical
 * path match no rule's program name or path glob, and whose file is no named program's file, is reported; any
 * other is asked. Keeping the matching in one file is what makes the two layers agree. */
#define _GNU_SOURCE
#include "guard.h"

#include <fnmatch.h>
#include <string.h>

const char *sg_base(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

void sg_command_text(char *const argv[], char *out, size_t size) {
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; argv && argv[i] && len + 8 < size; i++) {
        const char *a = argv[i];
        if (i) {
            sg_append(out, &len, size, " ");
        }
        if (*a && strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=@%+,-") == strlen(a)) {
            sg_append(out, &len, size, a);
            continue;
        }
        sg_append(out, &len, size, "'");
        for (const char *c = a; *c && len + 6 < size; c++) {
            if (*c == '\'') {
                sg_append(out, &len, size, "'\\''");
            } else {
                out[len++] = *c;
                out[len] = 0;
            }
        }
        sg_append(out, &len, size, "'");
    }
}

/* fnmatch, with a pattern without wildcards compared as a string: the C library's fnmatch converts both to
 * wide characters in a multibyte locale, a cost every start would pay for every rule. */
static int matches(const char *pattern, const char *text) {
    return strpbrk(pattern, "*?[\\") ? fnmatch(pattern, text, 0) == 0 : strcmp(pattern, text) == 0;
}

int sg_matches_rule(const struct sg_policy *p, const char *word, const char *path, const char *canonical) {
    for (int i = 0; i < p->nnames; i++) {
        if (matches(p->names[i], sg_base(word)) || matches(p->names[i], sg_base(path))
            || matches(p->names[i], sg_base(canonical))) {
            return 1;
        }
    }
    for (int i = 0; i < p->nglobs; i++) {
        if (matches(p->globs[i], canonical) || matches(p->globs[i], path)) {
            return 1;
        }
    }
    return 0;
}

size_t sg_command_message(char type, const char *const fields[SG_FIELDS], char *msg, size_t size) {
    const char us[2] = {SG_US, 0};
    char kind[2] = {type, 0};
    size_t len = 0;
    msg[0] = 0;
    sg_append(msg, &len, size, kind);
    for (size_t i = 0; i < SG_FIELDS; i++) {
        sg_append(msg, &len, size, us);
        sg_append_escaped(msg, &len, size, fields[i] ? fields[i] : "");
    }
    sg_append(msg, &len, size, "\n");
    return len;
}
