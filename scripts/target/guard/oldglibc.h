/*
 * Included first (gcc -include) into the glibc builds of the exec guard and the lane, never the musl one: binds the
 * C library functions whose default symbol version is newer than the oldest glibc ShellGuard targets to their
 * original versions, so that a library built on this machine (Debian 12, glibc 2.36) loads on targets with an
 * older glibc (Debian 11: 2.31, RHEL 8: 2.28, Amazon Linux 2 and CentOS 7: 2.26 and 2.17). Without it the
 * dynamic loader of such a target refuses the library (`version GLIBC_2.34 not found`) and the session runs
 * without the guard. glibc 2.34 moved dlopen, dlsym and dladdr from libdl into libc under a new version and 2.33
 * made stat a function of its own; the old versions are still exported by every newer glibc, for the programs
 * linked before. build.sh links libdl.so.2 (no as-needed) so that an older glibc, which keeps them in libdl, loads it.
 * The guard's check: `objdump -T` of the built library names no GLIBC_ version above 2.17 (tests/musl-guard.sh
 * checks both libraries).
 */
#ifndef SG_OLDGLIBC_H
#define SG_OLDGLIBC_H
/* no header here: the sources choose their feature macros (_GNU_SOURCE) before their first include */
#if defined(__x86_64__)
#define SG_GLIBC_BASE "GLIBC_2.2.5"
#define SG_STAT_VER 1
#elif defined(__aarch64__)
#define SG_GLIBC_BASE "GLIBC_2.17"
#define SG_STAT_VER 0
#endif
#ifdef SG_GLIBC_BASE
__asm__(".symver dlopen,dlopen@" SG_GLIBC_BASE);
__asm__(".symver dlsym,dlsym@" SG_GLIBC_BASE);
__asm__(".symver dladdr,dladdr@" SG_GLIBC_BASE);
__asm__(".symver __xstat,__xstat@" SG_GLIBC_BASE);
struct stat;
extern int __xstat(int version, const char *path, struct stat *buf);
/* the C library's own declaration of stat, read later, declares this function again: the same type */
__attribute__((weak, visibility("hidden"))) int sg_old_stat(const char *__restrict path, struct stat *__restrict buf) {
    return __xstat(SG_STAT_VER, path, buf);
}
#define stat(path, buf) sg_old_stat(path, buf)
#endif
#endif
