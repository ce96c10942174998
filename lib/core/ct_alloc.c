/*
 * ct_alloc.c: the one host allocator of the library.
 *
 * Every block is CT__ALIGNMENT-aligned and preceded by a header of the same
 * size holding the requested byte count, so that ct__free() can keep the
 * statistics exact without the caller passing sizes around.
 */
#include <stdlib.h>
#include <string.h>

#include "ct_internal.h"

static atomic_int_fast64_t ct__live_blocks;
static atomic_int_fast64_t ct__live_bytes;
static atomic_int_fast64_t ct__peak_bytes;

void *ct__malloc(size_t nbytes) {
  if (nbytes > SIZE_MAX - CT__ALIGNMENT) return NULL;
  void *base = NULL;
  if (posix_memalign(&base, CT__ALIGNMENT, CT__ALIGNMENT + (nbytes ? nbytes : 1)) != 0) return NULL;
  *(size_t *)base = nbytes;
  atomic_fetch_add(&ct__live_blocks, 1);
  int_fast64_t now = atomic_fetch_add(&ct__live_bytes, (int_fast64_t)nbytes) + (int_fast64_t)nbytes;
  int_fast64_t peak = atomic_load(&ct__peak_bytes);
  while (now > peak && !atomic_compare_exchange_weak(&ct__peak_bytes, &peak, now)) {
  }
  return (char *)base + CT__ALIGNMENT;
}

void *ct__calloc(size_t nbytes) {
  void *p = ct__malloc(nbytes);
  if (p) memset(p, 0, nbytes);
  return p;
}

void ct__free(void *p) {
  if (!p) return;
  char *base = (char *)p - CT__ALIGNMENT;
  size_t nbytes = *(size_t *)base;
  atomic_fetch_sub(&ct__live_blocks, 1);
  atomic_fetch_sub(&ct__live_bytes, (int_fast64_t)nbytes);
  free(base);
}

ct_status ct__alloc_or_error(void **out, size_t nbytes, const char *fn, const char *what) {
  *out = ct__malloc(nbytes);
  if (!*out)
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: cannot allocate %zu bytes for %s", fn, nbytes, what);
  return CT_OK;
}

ct_status ct_memory_stats(int64_t *live_blocks, int64_t *live_bytes, int64_t *peak_bytes) {
  if (live_blocks) *live_blocks = atomic_load(&ct__live_blocks);
  if (live_bytes) *live_bytes = atomic_load(&ct__live_bytes);
  if (peak_bytes) *peak_bytes = atomic_load(&ct__peak_bytes);
  return CT_OK;
}
