/*
 * cuda_reduce.c: the CUDA backend's reduce family (ct_reduce.h): the glue
 * between the checked tensors and the kernels of cuda_reduce.cu (reductions,
 * scans, softmax) and cuda_sort.cu (sort, topk, unique).
 *
 * As the CPU backend, a reduction's kept dims and its reduced dims are each
 * sorted by x's stride and merged where memory allows, so that the kernels
 * see as few dims as possible; the reduced dims become the innermost index
 * of each output. How the work is cut (cu_red_plan) is chosen here from the
 * shapes alone, never from the device, so that a result's bits are the
 * same on every run and every GPU.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/ct_reduce.h"
#include "cuda_internal.h"
#include "cuda_reduce.h"

/* The kinds cross to the kernels as CU_RED_* values (enums of their own, compared as ints). */
#define CT_CUDA_SAME_KIND(K) ((int)CU_RED_##K == (int)CT__RED_##K)
_Static_assert(CT_CUDA_SAME_KIND(SUM) && CT_CUDA_SAME_KIND(PROD) && CT_CUDA_SAME_KIND(MEAN) &&
                   CT_CUDA_SAME_KIND(MAX) && CT_CUDA_SAME_KIND(MIN) && CT_CUDA_SAME_KIND(ARGMAX) &&
                   CT_CUDA_SAME_KIND(ARGMIN) && CT_CUDA_SAME_KIND(ALL) && CT_CUDA_SAME_KIND(ANY) &&
                   CT_CUDA_SAME_KIND(COUNT_NZ) && CT_CUDA_SAME_KIND(NORM) &&
                   CT_CUDA_SAME_KIND(VAR) && CT_CUDA_SAME_KIND(STD) &&
                   CT_CUDA_SAME_KIND(LOGSUMEXP) && CT__RED_KIND_COUNT == 14,
               "cuda_reduce.h's kinds must be ct_reduce.h's");
#undef CT_CUDA_SAME_KIND
_Static_assert(CT__SCAN_CUMSUM == 0 && CT__SCAN_CUMPROD == 1, "cu_scan takes CT__SCAN_* values");

static inline int64_t ct_cuda_abs64(int64_t v) { return v < 0 ? -v : v; }

static ct_status ct_cuda_check_ndim(const ct_tensor *x, const char *fn) {
  if (x->ndim > CU_MAX_DIMS)
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: CUDA kernels take at most %d dims, x has %d", fn,
                     CU_MAX_DIMS, (int)x->ndim);
  return CT_OK;
}

/* ---- reductions ----------------------------------------------------------------------------- */

static void ct_cuda_red_geom(cu_red_geom *g, const ct_tensor *out1, const ct_tensor *out2,
                             const ct_tensor *x, const bool *reduced) {
  memset(g, 0, sizeof *g);
  g->x = ct__data(x);
  g->o1 = ct__data(out1);
  g->o2 = out2 ? ct__data(out2) : NULL;
  g->xdt = x->dtype;
  g->o1dt = out1->dtype;
  g->o2dt = out2 ? out2->dtype : 0;
  g->o = g->m = 1;
  for (int32_t d = 0; d < x->ndim; d++) {
    int64_t s = x->shape[d];
    if (reduced[d]) {
      g->m *= s;
      if (s == 1) continue;
      g->rsize[g->nr] = s;
      g->rx[g->nr++] = x->strides[d];
    } else {
      g->o *= s;
      if (s == 1) continue;
      g->ksize[g->nk] = s;
      g->kx[g->nk] = x->strides[d];
      g->ko1[g->nk] = out1->strides[d];
      g->ko2[g->nk++] = out2 ? out2->strides[d] : 0;
    }
  }
  if (g->m == 0) g->nr = 0;
  int64_t *kc[4] = {g->kx, g->ksize, g->ko1, g->ko2};
  ct__sort_dims(g->nk, 4, kc, 0);
  int64_t *ks[3] = {g->kx, g->ko1, g->ko2};
  g->nk = ct__merge_dims(g->nk, 3, g->ksize, ks);
  int64_t *rc[2] = {g->rx, g->rsize};
  ct__sort_dims(g->nr, 2, rc, 0);
  int64_t *rs[1] = {g->rx};
  g->nr = ct__merge_dims(g->nr, 1, g->rsize, rs);
}

/*
 * The cut of a reduction (see cu_red_plan). When the reduced elements of an
 * output are closer together than neighbouring outputs (rfast), up to 256
 * threads share an output and read along its run; otherwise 32 neighbouring
 * outputs are read side by side, up to 8 threads each. Too few outputs to
 * fill a GPU split their elements into chunks, about 8192 blocks in all:
 * many short blocks, so that the last wave of blocks leaves little idle.
 */
static cu_red_plan ct_cuda_red_plan(const cu_red_geom *g) {
  cu_red_plan p;
  p.rfast = g->nk == 0 ||
            (g->nr > 0 && ct_cuda_abs64(g->rx[g->nr - 1]) < ct_cuda_abs64(g->kx[g->nk - 1]));
  int32_t lim = p.rfast ? CU_RED_THREADS : 8, by = 1;
  while (by < lim && by < g->m) by *= 2;
  p.by = by;
  p.bx = CU_RED_THREADS / by;
  p.nchunks = 1;
  p.csize = g->m > 0 ? g->m : 1;
  int64_t oblocks = (g->o + p.bx - 1) / p.bx, minc = (int64_t)by * 32;
  if (oblocks < 512 && g->m >= 2 * minc) {
    int64_t want = (8192 + oblocks - 1) / oblocks;
    int64_t cs = (g->m + want - 1) / want;
    cs = (cs + 255) / 256 * 256; /* whole 16-byte vectors for the fast path */
    if (cs < minc) cs = minc;
    p.csize = cs;
    p.nchunks = (g->m + cs - 1) / cs;
  }
  return p;
}

static ct_status ct_cuda_reduce_kernel(ct_tensor *out, ct_tensor *out2, ct_tensor *x,
                                       const bool *reduced, const ct__reduce_args *args,
                                       const char *fn) {
  CT_TRY(ct_cuda_check_ndim(x, fn));
  cu_red_args a = {args->kind, CU_NORM_P, args->p, args->correction};
  if (args->kind == CT__RED_NORM) {
    double p = args->p;
    a.pcase = p == 1           ? CU_NORM_1
              : p == 2         ? CU_NORM_2
              : p == INFINITY  ? CU_NORM_INF
              : p == -INFINITY ? CU_NORM_NEGINF
              : p == 0         ? CU_NORM_0
                               : CU_NORM_P;
  }
  if (!cu_reduce_supported(a.kind, a.pcase, x->dtype))
    return ct__error(CT_ERR_DTYPE, "%s: reduction %d is not implemented for %s", fn,
                     (int)args->kind, ct__dtypes[x->dtype].name);
  cu_red_geom g;
  ct_cuda_red_geom(&g, out, out2, x, reduced);
  if (g.o == 0) return CT_OK;
  cu_red_plan plan = ct_cuda_red_plan(&g);
  int32_t dev = ct__cuda_dev(x);
  CT_TRY(ct__cuda_use_device(dev, fn));
  void *part = NULL;
  if (plan.nchunks > 1)
    CT_TRY(ct__cuda_scratch(&part, (size_t)(g.o * plan.nchunks) * CU_RED_STATE_MAX, dev, fn));
  int e = cu_reduce(&g, a, plan, part, ct__cuda_stream(dev));
  if (part) ct__cuda_free(part);
  return ct__cuda_check((cudaError_t)e, fn, "launching a reduction");
}

/* ---- lines along one dim: scans, softmax, sort ---------------------------------------------- */

/* x's lines along dim, with o and o2 (either may be NULL) sharing x's shape except along dim. */
static void ct_cuda_line_geom(cu_line_geom *g, const ct_tensor *x, const ct_tensor *o,
                              const ct_tensor *o2, int32_t dim) {
  int32_t nd = x->ndim;
  memset(g, 0, sizeof *g);
  g->x = ct__data(x);
  g->o = o ? ct__data(o) : NULL;
  g->o2 = o2 ? ct__data(o2) : NULL;
  g->xdt = x->dtype;
  g->odt = o ? o->dtype : 0;
  g->o2dt = o2 ? o2->dtype : 0;
  g->n = nd ? x->shape[dim] : 1;
  g->xs = nd ? x->strides[dim] : 0;
  g->os = o && nd ? o->strides[dim] : 0;
  g->o2s = o2 && nd ? o2->strides[dim] : 0;
  g->lines = 1;
  for (int32_t d = 0; d < nd; d++) {
    if (d == dim) continue;
    g->lines *= x->shape[d];
    if (x->shape[d] == 1) continue;
    g->ksize[g->nk] = x->shape[d];
    g->kx[g->nk] = x->strides[d];
    g->ko[g->nk] = o ? o->strides[d] : 0;
    g->ko2[g->nk++] = o2 ? o2->strides[d] : 0;
  }
  int64_t *cols[4] = {g->kx, g->ksize, g->ko, g->ko2};
  ct__sort_dims(g->nk, 4, cols, 0);
  int64_t *st[3] = {g->kx, g->ko, g->ko2};
  g->nk = ct__merge_dims(g->nk, 3, g->ksize, st);
}

/* Scratch for the chunked passes over a few long lines (NULL when not needed). */
static ct_status ct_cuda_line_scratch(void **scratch, const cu_line_geom *g, int32_t dev,
                                      const char *fn) {
  *scratch = NULL;
  int64_t nch = cu_line_chunks(g);
  if (nch == 1) return CT_OK;
  return ct__cuda_scratch(scratch, (size_t)(g->lines * (nch + 1)) * CU_LINE_STATE_MAX, dev, fn);
}

static ct_status ct_cuda_scan(ct_tensor *out, ct_tensor *x, int32_t dim, int32_t kind,
                              const char *fn) {
  CT_TRY(ct_cuda_check_ndim(x, fn));
  if (x->numel == 0) return CT_OK;
  cu_line_geom g;
  ct_cuda_line_geom(&g, x, out, NULL, dim);
  int32_t dev = ct__cuda_dev(x);
  CT_TRY(ct__cuda_use_device(dev, fn));
  void *scratch;
  CT_TRY(ct_cuda_line_scratch(&scratch, &g, dev, fn));
  int e = cu_scan(&g, kind, scratch, ct__cuda_stream(dev));
  if (scratch) ct__cuda_free(scratch);
  return ct__cuda_check((cudaError_t)e, fn, "launching a scan");
}

static ct_status ct_cuda_softmax(ct_tensor *out, ct_tensor *x, int32_t dim, bool log_,
                                 const char *fn) {
  CT_TRY(ct_cuda_check_ndim(x, fn));
  if (x->numel == 0) return CT_OK;
  cu_line_geom g;
  ct_cuda_line_geom(&g, x, out, NULL, dim);
  int32_t dev = ct__cuda_dev(x);
  CT_TRY(ct__cuda_use_device(dev, fn));
  void *scratch;
  CT_TRY(ct_cuda_line_scratch(&scratch, &g, dev, fn));
  int e = cu_softmax(&g, log_, scratch, ct__cuda_stream(dev));
  if (scratch) ct__cuda_free(scratch);
  return ct__cuda_check((cudaError_t)e, fn, "launching a softmax");
}

/*
 * Lines up to CU_SORT_SMALL_MAX elements sort in shared memory; longer ones
 * through a global radix sort of all elements (stable, so it keeps the
 * order of equal keys), then by line.
 */
static ct_status ct_cuda_sort(ct_tensor *values, ct_tensor *indices, ct_tensor *x, int32_t dim,
                              bool descending, int64_t k, const char *fn) {
  CT_TRY(ct_cuda_check_ndim(x, fn));
  cu_line_geom g;
  ct_cuda_line_geom(&g, x, values, indices, dim);
  if (g.n == 0 || g.lines == 0 || k == 0) return CT_OK;
  int32_t dev = ct__cuda_dev(x);
  CT_TRY(ct__cuda_use_device(dev, fn));
  cudaStream_t st = ct__cuda_stream(dev);
  if (g.n <= CU_SORT_SMALL_MAX)
    return ct__cuda_check((cudaError_t)cu_sort_small(&g, descending, k, st), fn,
                          "launching a sort");
  size_t bytes;
  CT_TRY(ct__cuda_check((cudaError_t)cu_sort_scratch_bytes(&bytes, g.n * g.lines), fn,
                        "sizing a sort"));
  void *scratch;
  CT_TRY(ct__cuda_scratch(&scratch, bytes, dev, fn));
  int e = cu_sort_large(&g, descending, k, scratch, bytes, st);
  ct__cuda_free(scratch);
  return ct__cuda_check((cudaError_t)e, fn, "launching a sort");
}

/*
 * x is contiguous; inverse, when given, a contiguous int64 tensor of x's
 * shape. The number of distinct values sizes the results, so it comes back
 * to the host (one synchronisation of the stream).
 */
static ct_status ct_cuda_unique(ct_tensor **out, ct_tensor *inverse, ct_tensor **counts,
                                ct_tensor *x, const char *fn) {
  *out = NULL;
  if (counts) *counts = NULL;
  int64_t n = x->numel, u = 0;
  int32_t dev = ct__cuda_dev(x);
  CT_TRY(ct__cuda_use_device(dev, fn));
  cudaStream_t st = ct__cuda_stream(dev);
  void *scratch = NULL;
  size_t bytes = 0;
  int pos_slot = 0;
  if (n > 0) {
    CT_TRY(ct__cuda_check((cudaError_t)cu_sort_scratch_bytes(&bytes, n), fn, "sizing a sort"));
    /* One more word at the end (bytes is a multiple of 256): the group count. */
    CT_TRY(ct__cuda_scratch(&scratch, bytes + 256, dev, fn));
    int64_t *last = (int64_t *)(void *)((char *)scratch + bytes);
    cudaError_t e = (cudaError_t)cu_unique_prepare(ct__data(x), x->dtype, n, scratch, bytes, last,
                                                   &pos_slot, st);
    if (e == cudaSuccess) e = cudaMemcpyAsync(&u, last, sizeof u, cudaMemcpyDeviceToHost, st);
    if (e == cudaSuccess) e = cudaStreamSynchronize(st);
    if (e != cudaSuccess) {
      ct__cuda_free(scratch);
      return ct__cuda_check(e, fn, "sorting for unique");
    }
  }
  ct_tensor *vals = NULL, *cnt = NULL;
  ct_status s = ct__tensor_empty(&vals, 1, &u, x->dtype, &ct__cuda_backend, dev, fn);
  if (s == CT_OK && counts) s = ct__tensor_empty(&cnt, 1, &u, CT_INT64, &ct__cuda_backend, dev, fn);
  if (s == CT_OK && n > 0) {
    int e = cu_unique_finish(ct__data(x), x->dtype, n, u, scratch, bytes, pos_slot, ct__data(vals),
                             inverse ? (int64_t *)(void *)ct__data(inverse) : NULL,
                             cnt ? (int64_t *)(void *)ct__data(cnt) : NULL, st);
    s = ct__cuda_check((cudaError_t)e, fn, "launching unique");
  }
  if (scratch) ct__cuda_free(scratch);
  if (s != CT_OK) {
    ct_tensor_release(vals);
    ct_tensor_release(cnt);
    return s;
  }
  *out = vals;
  if (counts) *counts = cnt;
  return CT_OK;
}

const struct ct_backend_reduce_i ct__cuda_reduce = {
    .reduce = ct_cuda_reduce_kernel,
    .scan = ct_cuda_scan,
    .softmax = ct_cuda_softmax,
    .sort = ct_cuda_sort,
    .unique = ct_cuda_unique,
};
