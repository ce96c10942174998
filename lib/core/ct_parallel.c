/*
 * ct_parallel.c: the thread count and the parallel loop under the CPU kernels.
 *
 * OpenMP runs the ranges when the library was built with it; otherwise every
 * loop runs on the calling thread and the thread count only records the wish.
 */
#include <stdlib.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "ct_internal.h"

/* 0 until first use: then $OMP_NUM_THREADS or the core count. */
static atomic_int ct__threads;

int32_t ct__num_threads(void) {
  int n = atomic_load(&ct__threads);
  if (n > 0) return n;
#ifdef _OPENMP
  n = omp_get_max_threads();
#else
  n = 1;
#endif
  if (n < 1) n = 1;
  int expected = 0;
  atomic_compare_exchange_strong(&ct__threads, &expected, n);
  return atomic_load(&ct__threads);
}

ct_status ct_set_num_threads(int32_t n) {
  CT_CHECK_ARG(n >= 1, CT_ERR_INVALID_ARGUMENT, "ct_set_num_threads: n = %d must be >= 1", (int)n);
  atomic_store(&ct__threads, n);
  return CT_OK;
}

ct_status ct_get_num_threads(int32_t *n) {
  CT_CHECK_NOT_NULL(n);
  *n = ct__num_threads();
  return CT_OK;
}

void ct__parallel_for(int64_t n, int64_t grain, void (*fn)(int64_t begin, int64_t end, void *ctx),
                      void *ctx) {
  if (n <= 0) return;
  int64_t threads = ct__num_threads();
  if (grain < 1) grain = 1;
  if (threads > (n + grain - 1) / grain) threads = (n + grain - 1) / grain;
#ifdef _OPENMP
  /* Already inside a parallel region (a kernel calling a kernel): stay on this thread. */
  if (threads > 1 && !omp_in_parallel()) {
#pragma omp parallel num_threads((int)threads)
    {
      int64_t k = omp_get_thread_num(), m = omp_get_num_threads();
      int64_t begin = n * k / m, end = n * (k + 1) / m;
      if (begin < end) fn(begin, end, ctx);
    }
    return;
  }
#endif
  fn(0, n, ctx);
}
