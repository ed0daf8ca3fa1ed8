/* ShellGuard exec guard: SHA-256 (FIPS 180-4), so a copy of a forbidden program under another name is known
 * by its content without depending on a crypto library being installed on the target. Only files whose size
 * equals that of a program a rule names are ever hashed. */
#ifndef SHELLGUARD_SHA256_H
#define SHELLGUARD_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sg_sha256 {
    uint32_t h[8];
    uint64_t length;
    unsigned char block[64];
    size_t used;
};

void sg_sha256_init(struct sg_sha256 *s);
void sg_sha256_update(struct sg_sha256 *s, const void *data, size_t n);
void sg_sha256_final(struct sg_sha256 *s, unsigned char out[32]);

#endif
