/*
 * ct_alloc.c: the one host allocator of the library.
 *
 * Every block is CT__ALIGNMENT-aligned and preceded by a header of the same
 * size holding the requested byte count, so that ct__free() can keep the
 * statistics exact without the caller passing sizes around.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ct_internal.h"

static atomic_int_fast64_t ct__live_blocks;
static atomic_int_fast64_t ct__live_bytes;
static atomic_int_fast64_t ct__peak_bytes;

/*
 * Large blocks are aligned to 2 MiB and offered to the kernel as transparent
 * huge pages: fresh memory then faults in 2 MiB at a time instead of 4 KiB,
 * which is most of the cost of writing a new large tensor for the first time
 * (where the system's setting is "madvise"). Only past 32 MiB, glibc's largest
 * mmap threshold: smaller blocks are recycled by malloc without new faults.
 */
enum { CT__HUGE_THRESHOLD = 32 << 20, CT__HUGE_PAGE = 2 << 20 };

void *ct__malloc(size_t nbytes) {
  if (nbytes > SIZE_MAX - CT__HUGE_PAGE) return NULL;
  void *base = NULL;
  size_t total = CT__ALIGNMENT + (nbytes ? nbytes : 1);
  bool huge = total >= CT__HUGE_THRESHOLD;
  if (posix_memalign(&base, huge ? CT__HUGE_PAGE : CT__ALIGNMENT, total) != 0) return NULL;
#ifdef MADV_HUGEPAGE
  if (huge) madvise(base, total / CT__HUGE_PAGE * CT__HUGE_PAGE, MADV_HUGEPAGE);
#endif
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
