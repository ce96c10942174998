/*
 * ct_alloc.c: the one host allocator of the library.
 *
 * Every block is preceded by two words: the distance back to the start of
 * what malloc gave (so that ct__free() frees either kind) and the requested
 * byte count (so that the statistics stay exact without the caller passing
 * sizes around). ct__malloc's blocks are CT__ALIGNMENT-aligned, for tensor
 * data; ct__malloc_meta's only as malloc aligns, for the small headers every
 * operation makes (glibc's aligned allocation is several times slower).
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

/*
 * Failure injection (ctensor/testing.h): allocations left before the one
 * that fails (0: off), whether the ones after it fail too, and how many
 * failed. Unarmed, an allocation pays one relaxed load.
 */
static atomic_int_fast64_t ct__fail_countdown;
static atomic_bool ct__fail_persistent;
static atomic_int_fast64_t ct__fail_count;

/* Whether this allocation is to fail by injection. */
static bool ct__injected(void) {
  if (atomic_load_explicit(&ct__fail_countdown, memory_order_relaxed) == 0) return false;
  int_fast64_t left = atomic_fetch_sub(&ct__fail_countdown, 1);
  if (left > 1) return false;
  if (left < 1) {
    /* Another thread took the one that fails: disarm. */
    atomic_store(&ct__fail_countdown, 0);
    return false;
  }
  /* The k-th: a persistent injection stays armed for every allocation after it. */
  if (atomic_load(&ct__fail_persistent)) atomic_store(&ct__fail_countdown, 1);
  atomic_fetch_add(&ct__fail_count, 1);
  return true;
}

ct_status ct_test_fail_allocation(int64_t k, bool persistent) {
  CT_CHECK_ARG(k >= 0, CT_ERR_INVALID_ARGUMENT, "ct_test_fail_allocation: k = %lld is negative", (long long)k);
  atomic_store(&ct__fail_persistent, persistent);
  atomic_store(&ct__fail_count, 0);
  atomic_store(&ct__fail_countdown, k);
  return CT_OK;
}

ct_status ct_test_injected_failures(int64_t *count) {
  CT_CHECK_NOT_NULL(count);
  *count = atomic_load(&ct__fail_count);
  return CT_OK;
}

/* Writes the two header words before p and counts the block; returns p. */
static void *ct__account(char *base, size_t offset, size_t nbytes) {
  size_t *words = (size_t *)(base + offset);
  words[-2] = offset;
  words[-1] = nbytes;
  atomic_fetch_add(&ct__live_blocks, 1);
  int_fast64_t now = atomic_fetch_add(&ct__live_bytes, (int_fast64_t)nbytes) + (int_fast64_t)nbytes;
  int_fast64_t peak = atomic_load(&ct__peak_bytes);
  while (now > peak && !atomic_compare_exchange_weak(&ct__peak_bytes, &peak, now)) {
  }
  return base + offset;
}

void *ct__malloc(size_t nbytes) {
  if (nbytes > SIZE_MAX - CT__HUGE_PAGE || ct__injected()) return NULL;
  void *base = NULL;
  size_t total = CT__ALIGNMENT + (nbytes ? nbytes : 1);
  bool huge = total >= CT__HUGE_THRESHOLD;
  if (posix_memalign(&base, huge ? CT__HUGE_PAGE : CT__ALIGNMENT, total) != 0) return NULL;
#ifdef MADV_HUGEPAGE
  if (huge) madvise(base, total / CT__HUGE_PAGE * CT__HUGE_PAGE, MADV_HUGEPAGE);
#endif
  return ct__account(base, CT__ALIGNMENT, nbytes);
}

void *ct__malloc_meta(size_t nbytes) {
  enum { HEADER = 2 * sizeof(size_t) };
  if (nbytes > SIZE_MAX - HEADER || ct__injected()) return NULL;
  char *base = malloc(HEADER + (nbytes ? nbytes : 1));
  return base ? ct__account(base, HEADER, nbytes) : NULL;
}

void *ct__calloc(size_t nbytes) {
  void *p = ct__malloc(nbytes);
  if (p) memset(p, 0, nbytes);
  return p;
}

void ct__free(void *p) {
  if (!p) return;
  const size_t *words = p;
  size_t offset = words[-2], nbytes = words[-1];
  atomic_fetch_sub(&ct__live_blocks, 1);
  atomic_fetch_sub(&ct__live_bytes, (int_fast64_t)nbytes);
  free((char *)p - offset);
}

ct_status ct__alloc_or_error(void **out, size_t nbytes, const char *fn, const char *what) {
  *out = ct__malloc(nbytes);
  if (!*out)
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: cannot allocate %zu bytes for %s", fn, nbytes, what);
  return CT_OK;
}

ct_status ct__alloc_meta_or_error(void **out, size_t nbytes, const char *fn, const char *what) {
  *out = ct__malloc_meta(nbytes);
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
