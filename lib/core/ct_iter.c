/*
 * ct_iter.c: the strided N-operand iterator under every elementwise kernel.
 *
 * Dimensions are reordered innermost-first, size-1 dimensions dropped and
 * neighbours merged when every operand steps through them as one run, so
 * that a contiguous tensor of any shape becomes a single call of the inner
 * loop. The outer dimensions are walked with a counter, moving each
 * operand's pointer by its byte stride.
 */
#include <string.h>

#include "ct_internal.h"

enum { CT__ITER_STACK_DIMS = 16 };

ct_status ct__iter_run(int32_t nops, char *const *data, const int64_t *const *strides, int32_t ndim,
                       const int64_t *shape, ct__loop_fn loop, void *ctx, const char *fn) {
  for (int32_t d = 0; d < ndim; d++)
    if (shape[d] == 0) return CT_OK;

  /* size[k] and st[k * nops + op] describe dimension k, innermost first. */
  int64_t size_stack[CT__ITER_STACK_DIMS];
  int64_t st_stack[CT__ITER_STACK_DIMS * CT__ITER_MAX_OPERANDS];
  int64_t idx_stack[CT__ITER_STACK_DIMS];
  int64_t *size = size_stack, *st = st_stack, *idx = idx_stack;
  void *heap = NULL;
  if (ndim > CT__ITER_STACK_DIMS) {
    size_t n = (size_t)ndim * (2 + CT__ITER_MAX_OPERANDS) * sizeof(int64_t);
    CT_TRY(ct__alloc_or_error(&heap, n, fn, "iterator state"));
    size = heap;
    idx = size + ndim;
    st = idx + ndim;
  }

  int32_t nd = 0;
  for (int32_t d = ndim - 1; d >= 0; d--) {
    if (shape[d] == 1) continue;
    bool merge = nd > 0;
    for (int32_t op = 0; merge && op < nops; op++)
      merge = strides[op][d] == st[(nd - 1) * nops + op] * size[nd - 1];
    if (merge) {
      size[nd - 1] *= shape[d];
      continue;
    }
    size[nd] = shape[d];
    for (int32_t op = 0; op < nops; op++) st[nd * nops + op] = strides[op][d];
    nd++;
  }

  char *ptr[CT__ITER_MAX_OPERANDS];
  int64_t inner[CT__ITER_MAX_OPERANDS];
  for (int32_t op = 0; op < nops; op++) {
    ptr[op] = data[op];
    inner[op] = nd > 0 ? st[op] : 0;
  }
  if (nd <= 1) {
    loop(ptr, inner, nd > 0 ? size[0] : 1, ctx);
    ct__free(heap);
    return CT_OK;
  }

  memset(idx, 0, (size_t)nd * sizeof(int64_t));
  for (;;) {
    loop(ptr, inner, size[0], ctx);
    int32_t k = 1;
    for (; k < nd; k++) {
      for (int32_t op = 0; op < nops; op++) ptr[op] += st[k * nops + op];
      if (++idx[k] < size[k]) break;
      for (int32_t op = 0; op < nops; op++) ptr[op] -= st[k * nops + op] * size[k];
      idx[k] = 0;
    }
    if (k == nd) break;
  }
  ct__free(heap);
  return CT_OK;
}
