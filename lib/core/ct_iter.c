/*
 * ct_iter.c: the strided N-operand iterator under every elementwise kernel.
 *
 * Dimensions are reordered innermost-first, size-1 dimensions dropped and
 * neighbours merged when every operand steps through them as one run, so
 * that a contiguous tensor of any shape becomes a single call of the inner
 * loop. The outer dimensions are walked with a counter, moving each
 * operand's pointer by its byte stride.
 */
#include "ct_internal.h"

ct_status ct__iter_init(ct__iter *it, int32_t nops, char *const *data, const int64_t *const *strides,
                        int32_t ndim, const int64_t *shape, const char *fn) {
  it->nops = nops;
  it->nd = 0;
  it->numel = 1;
  it->size = it->size_inline;
  it->st = it->st_inline;
  for (int32_t op = 0; op < nops; op++) it->data[op] = data[op];
  for (int32_t d = 0; d < ndim; d++) it->numel *= shape[d];
  if (it->numel == 0) return CT_OK;
  if (ndim > CT__DIMS_INLINE) {
    void *heap;
    size_t n = (size_t)ndim * (1 + CT__ITER_MAX_OPERANDS) * sizeof(int64_t);
    CT_TRY(ct__alloc_or_error(&heap, n, fn, "iterator state"));
    it->size = heap;
    it->st = it->size + ndim;
  }
  /* Innermost first; size-1 dims dropped; a dim merged into the previous one when every operand allows. */
  int32_t nd = 0;
  for (int32_t d = ndim - 1; d >= 0; d--) {
    if (shape[d] == 1) continue;
    bool merge = nd > 0;
    for (int32_t op = 0; merge && op < nops; op++)
      merge = strides[op][d] == it->st[(nd - 1) * nops + op] * it->size[nd - 1];
    if (merge) {
      it->size[nd - 1] *= shape[d];
      continue;
    }
    it->size[nd] = shape[d];
    for (int32_t op = 0; op < nops; op++) it->st[nd * nops + op] = strides[op][d];
    nd++;
  }
  it->nd = nd;
  return CT_OK;
}

void ct__iter_free(ct__iter *it) {
  if (it->size != it->size_inline) ct__free(it->size);
  it->size = it->size_inline;
  it->st = it->st_inline;
}

void ct__iter_range(const ct__iter *it, int64_t begin, int64_t end, ct__loop_fn loop, void *ctx) {
  int32_t nops = it->nops, nd = it->nd;
  char *ptr[CT__ITER_MAX_OPERANDS];
  int64_t inner[CT__ITER_MAX_OPERANDS];
  if (begin >= end) return;
  if (nd == 0) {
    for (int32_t op = 0; op < nops; op++) ptr[op] = it->data[op], inner[op] = 0;
    loop(ptr, inner, 1, ctx);
    return;
  }
  /* The multi-index of begin, and the pointers there. */
  /*
   * More coalesced dims than the inline counter holds need a heap counter
   * (per call: ranges run concurrently); without memory for it, each element
   * is located from its own linear index instead.
   */
  int64_t idx_stack[CT__DIMS_INLINE], *idx = idx_stack;
  if (nd > CT__DIMS_INLINE) idx = ct__malloc((size_t)nd * sizeof(int64_t));
  for (int32_t op = 0; op < nops; op++) {
    ptr[op] = it->data[op];
    inner[op] = it->st[op];
  }
  if (!idx) {
    /* Out of memory for the counter: visit each element from its own linear index. */
    for (int64_t i = begin; i < end; i++) {
      int64_t rem = i;
      char *p[CT__ITER_MAX_OPERANDS];
      for (int32_t op = 0; op < nops; op++) p[op] = it->data[op];
      for (int32_t k = 0; k < nd; k++) {
        int64_t c = rem % it->size[k];
        rem /= it->size[k];
        for (int32_t op = 0; op < nops; op++) p[op] += c * it->st[k * nops + op];
      }
      loop(p, inner, 1, ctx);
    }
    return;
  }
  int64_t rem = begin;
  for (int32_t k = 0; k < nd; k++) {
    idx[k] = rem % it->size[k];
    rem /= it->size[k];
    for (int32_t op = 0; op < nops; op++) ptr[op] += idx[k] * it->st[k * nops + op];
  }
  int64_t left = end - begin;
  for (;;) {
    int64_t n = it->size[0] - idx[0];
    if (n > left) n = left;
    loop(ptr, inner, n, ctx);
    left -= n;
    if (left == 0) break;
    /* Step to the start of the next inner run. */
    for (int32_t op = 0; op < nops; op++) ptr[op] -= idx[0] * it->st[op];
    idx[0] = 0;
    int32_t k = 1;
    for (; k < nd; k++) {
      for (int32_t op = 0; op < nops; op++) ptr[op] += it->st[k * nops + op];
      if (++idx[k] < it->size[k]) break;
      for (int32_t op = 0; op < nops; op++) ptr[op] -= it->st[k * nops + op] * it->size[k];
      idx[k] = 0;
    }
  }
  if (idx != idx_stack) ct__free(idx);
}

ct_status ct__iter_run(int32_t nops, char *const *data, const int64_t *const *strides, int32_t ndim,
                       const int64_t *shape, ct__loop_fn loop, void *ctx, const char *fn) {
  ct__iter it;
  CT_TRY(ct__iter_init(&it, nops, data, strides, ndim, shape, fn));
  ct__iter_range(&it, 0, it.numel, loop, ctx);
  ct__iter_free(&it);
  return CT_OK;
}

/* ---- shapes computed on the fly, and broadcasting ------------------------------------------ */

ct_status ct__dims_init(ct__dims *d, int32_t ndim, const char *fn) {
  d->ndim = ndim;
  d->v = d->inline_v;
  if (ndim > CT__DIMS_INLINE)
    CT_TRY(ct__alloc_or_error((void **)&d->v, (size_t)ndim * sizeof(int64_t), fn, "a shape"));
  return CT_OK;
}

void ct__dims_free(ct__dims *d) {
  if (d->v != d->inline_v) ct__free(d->v);
  d->v = d->inline_v;
}

ct_status ct__broadcast_shapes(ct__dims *out, int32_t n, struct ct_tensor *const *ts, const char *fn) {
  int32_t ndim = 0;
  for (int32_t i = 0; i < n; i++)
    if (ts[i]->ndim > ndim) ndim = ts[i]->ndim;
  CT_TRY(ct__dims_init(out, ndim, fn));
  for (int32_t d = 0; d < ndim; d++) out->v[d] = 1;
  for (int32_t i = 0; i < n; i++) {
    const struct ct_tensor *t = ts[i];
    for (int32_t d = 0; d < t->ndim; d++) {
      int64_t *o = &out->v[ndim - t->ndim + d], s = t->shape[d];
      if (s == *o || s == 1) continue;
      if (*o == 1) {
        *o = s;
        continue;
      }
      /* Name the first tensor that disagrees with this one. */
      for (int32_t j = 0; j < i; j++) {
        const struct ct_tensor *u = ts[j];
        int32_t ud = d - t->ndim + u->ndim;
        if (ud >= 0 && u->shape[ud] != 1 && u->shape[ud] != s) {
          char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
          return ct__error(CT_ERR_SHAPE, "%s: shapes %s and %s cannot be broadcast", fn,
                           ct__shape_str(a, sizeof a, u->ndim, u->shape),
                           ct__shape_str(b, sizeof b, t->ndim, t->shape));
        }
      }
      return ct__error(CT_ERR_SHAPE, "%s: shapes cannot be broadcast", fn);
    }
  }
  return CT_OK;
}

void ct__broadcast_strides(int64_t *strides, const struct ct_tensor *t, int32_t ndim, const int64_t *shape) {
  int32_t lead = ndim - t->ndim;
  for (int32_t d = 0; d < ndim; d++) {
    int32_t td = d - lead;
    strides[d] = td < 0 || (t->shape[td] == 1 && shape[d] != 1) ? 0 : t->strides[td];
  }
}
