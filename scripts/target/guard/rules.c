/* ShellGuard: how a program start is matched against the session's policy and put on the wire, shared by the
 * exec guard (a preloaded library that sees the C library's program starts) and the supervisor (a ptrace
 * tracer that sees every exec system call). Both decide the same way: a start whose name, path and canonical
 * path match no rule's program name or path glob, and whose file is no named program's file, is reported; any
 * other is asked. Keeping the matching in one file is what makes the two layers agree. */
#define _GNU_SOURCE
#include "guard.h"
#include "sha256.h"

#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

const char *sg_base(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
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

/* --- a start's message ------------------------------------------------------------------------------------- */

static const char SAFE[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=@%+,-";

/* The next argument (NULL: none left); cursor is an index into argv or an offset into the block. */
static const char *next_arg(const struct sg_args *a, size_t *cursor) {
    if (a->argv) {
        return a->argv[*cursor] ? a->argv[(*cursor)++] : NULL;
    }
    if (!a->block || *cursor >= a->size) {
        return NULL;
    }
    const char *arg = a->block + *cursor;
    *cursor += strlen(arg) + 1;
    return arg;
}

static int escaped(char c) {
    return c == '\\' || c == '\n' || c == SG_US;
}

/* How long s is on the wire: the protocol escapes a backslash, a newline and a US with a backslash each. */
static size_t wire_length(const char *s) {
    size_t n = 0;
    for (; *s; s++) {
        n += escaped(*s) ? 2 : 1;
    }
    return n;
}

static int plain(const char *arg) {
    return *arg && strspn(arg, SAFE) == strlen(arg);
}

/* How long one argument is on the wire once quoted as a shell word ('...', a quote inside as '\'') and escaped. */
static size_t quoted_wire_length(const char *arg) {
    if (plain(arg)) {
        return strlen(arg);
    }
    size_t n = 2;
    for (const char *c = arg; *c; c++) {
        n += *c == '\'' ? 5 : escaped(*c) ? 2 : 1;
    }
    return n;
}

static void put(struct sg_message *m, char c) {
    m->data[m->len++] = c;
}

static void put_escaped(struct sg_message *m, const char *s) {
    for (; *s; s++) {
        if (escaped(*s)) {
            put(m, '\\');
            put(m, *s == '\\' ? '\\' : *s == '\n' ? 'n' : 'u');
        } else {
            put(m, *s);
        }
    }
}

static void put_quoted(struct sg_message *m, const char *arg) {
    if (plain(arg)) {
        put_escaped(m, arg);
        return;
    }
    put(m, '\'');
    for (const char *c = arg; *c; c++) {
        if (*c == '\'') {
            put_escaped(m, "'\\''");
        } else {
            char one[2] = {*c, 0};
            put_escaped(m, one);
        }
    }
    put(m, '\'');
}

int sg_start_message(char type, const char *const fields[SG_FIELDS], const struct sg_args *args, const char *layer,
                     char *fallback, size_t fallback_size, struct sg_message *out) {
    size_t fixed = 2; /* the type letter and the newline */
    for (size_t i = 0; i < SG_FIELDS; i++) {
        fixed += 1 + (i == SG_F_TEXT || !fields[i] ? 0 : wire_length(fields[i]));
    }
    size_t count = 0, bytes = 0, text = 0, cursor = 0;
    for (const char *arg; (arg = next_arg(args, &cursor)); count++) {
        bytes += strlen(arg) + 1;
        text += (count ? 1 : 0) + quoted_wire_length(arg);
    }
    char mark[160];
    int marked = snprintf(mark, sizeof mark, "[cut by %s: %zu arguments, %zu bytes in all]", layer, count, bytes);
    size_t mark_length = marked > 0 && (size_t)marked < sizeof mark ? (size_t)marked : 0;
    size_t limit = SG_LIMIT_MESSAGE, whole = fixed + text;
    size_t size = (whole <= limit ? whole : limit) + 1;
    /* most starts fit the caller's buffer: a mapping of their own would cost every start a map, a page fault and an
     * unmap */
    void *map = fallback && size <= fallback_size ? MAP_FAILED
                                                   : mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED) {
        if (!fallback || fallback_size < fixed + mark_length + 2) {
            return -1;
        }
        *out = (struct sg_message){.data = fallback};
        limit = fallback_size - 1;
    } else {
        *out = (struct sg_message){.data = map, .mapped = size};
    }
    int cut = whole > limit;
    if (cut && limit < fixed + mark_length + 1) {
        sg_message_release(out);
        return -1;
    }
    size_t room = cut ? limit - fixed - mark_length - 1 : text; /* the text's share, the mark and its blank aside */
    put(out, type);
    for (size_t i = 0; i < SG_FIELDS; i++) {
        put(out, SG_US);
        if (i != SG_F_TEXT) {
            put_escaped(out, fields[i] ? fields[i] : "");
            continue;
        }
        size_t used = 0, kept = 0;
        cursor = 0;
        for (const char *arg; (arg = next_arg(args, &cursor)); kept++) {
            size_t n = (kept ? 1 : 0) + quoted_wire_length(arg);
            if (used + n > room) {
                break;
            }
            if (kept) {
                put(out, ' ');
            }
            put_quoted(out, arg);
            used += n;
        }
        if (cut) {
            if (kept) {
                put(out, ' ');
            }
            put_escaped(out, mark);
        }
    }
    put(out, '\n');
    out->data[out->len] = 0;
    return 0;
}

void sg_message_release(struct sg_message *m) {
    if (m->mapped) {
        munmap(m->data, m->mapped);
    }
    *m = (struct sg_message){0};
}

void sg_args_digest(char *const argv[], unsigned char out[32]) {
    struct sg_sha256 s;
    sg_sha256_init(&s);
    for (size_t i = 1; argv && argv[0] && argv[i]; i++) {
        sg_sha256_update(&s, argv[i], strlen(argv[i]) + 1);
    }
    sg_sha256_final(&s, out);
}
