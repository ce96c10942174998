/*
 * cuda_reduce.h: launchers of the reduce family's kernels (cuda_reduce.cu:
 * reductions, scans, softmax; cuda_sort.cu: sort, topk, unique), called by
 * cuda_reduce.c. Plain C.
 *
 * The glue hands over geometry already simplified the way the CPU backend
 * does it: size-1 dims dropped, the rest sorted by x's stride (largest
 * first) and neighbours merged, strides in ELEMENTS.
 */
#ifndef CT_CUDA_REDUCE_H
#define CT_CUDA_REDUCE_H

#include <stddef.h>

#include "cuda_kernels.h"

/* ---- reductions (cuda_reduce.cu) ------------------------------------------------------------ */

/*
 * A reduction of x into out1 (and out2): o outputs, each over m elements.
 * Output i (row-major over the kept dims ksize) reads x at sum(i_k * kx[k]),
 * writes out1 at sum(i_k * ko1[k]); its element f (row-major over the
 * reduced dims rsize) is at sum(f_k * rx[k]) further. nk or nr may be 0.
 */
typedef struct cu_red_geom {
  char *x, *o1, *o2; /* o2 may be NULL */
  int32_t xdt, o1dt, o2dt;
  int32_t nk, nr;
  int64_t o, m;
  int64_t ksize[CU_MAX_DIMS], kx[CU_MAX_DIMS], ko1[CU_MAX_DIMS], ko2[CU_MAX_DIMS];
  int64_t rsize[CU_MAX_DIMS], rx[CU_MAX_DIMS];
} cu_red_geom;

/* The kinds, CT__RED_*'s values (ct_reduce.h; cuda_reduce.c checks that they agree). */
enum {
  CU_RED_SUM = 0,
  CU_RED_PROD,
  CU_RED_MEAN,
  CU_RED_MAX,
  CU_RED_MIN,
  CU_RED_ARGMAX,
  CU_RED_ARGMIN,
  CU_RED_ALL,
  CU_RED_ANY,
  CU_RED_COUNT_NZ,
  CU_RED_NORM,
  CU_RED_VAR,
  CU_RED_STD,
  CU_RED_LOGSUMEXP
};
/* What is computed: kind is a CU_RED_* value; pcase the norm's case (CU_NORM_*). */
enum { CU_NORM_1 = 0, CU_NORM_2, CU_NORM_INF, CU_NORM_NEGINF, CU_NORM_0, CU_NORM_P };
typedef struct cu_red_args {
  int32_t kind, pcase;
  double p, correction;
} cu_red_args;

/*
 * How the work is cut (fixed by the shapes only, so that the bits of a
 * result never depend on the device): a block of CU_RED_THREADS threads
 * takes bx consecutive outputs times by threads per output (bx * by =
 * CU_RED_THREADS, by a power of two); with rfast the by threads of an
 * output are neighbours (reduced elements contiguous), else the bx
 * outputs are. The m elements of an output are cut in nchunks chunks of
 * csize; with nchunks > 1 the chunks' states go to partials (o * nchunks
 * states of at most CU_RED_STATE_MAX bytes) and a second kernel combines
 * them in a fixed tree.
 */
enum { CU_RED_THREADS = 256, CU_RED_STATE_MAX = 32 };
typedef struct cu_red_plan {
  int32_t bx, by;
  bool rfast;
  int64_t csize, nchunks;
} cu_red_plan;

/* Whether kind/dtype has a kernel (the same set as the CPU backend). */
CU_EXTERN bool cu_reduce_supported(int kind, int pcase, int xdtype);
CU_EXTERN int cu_reduce(const cu_red_geom *g, cu_red_args a, cu_red_plan p, void *partials,
                        cu_stream stream);

/* ---- lines along one dim: scan, softmax, sort (cuda_reduce.cu, cuda_sort.cu) ---------------- */

/*
 * lines lines of n elements each: line l (row-major over the other dims,
 * ksize) starts at x + sum(l_k * kx[k]) (o, o2 likewise with ko, ko2);
 * successive elements are xs (os, o2s) apart. o or o2 may be NULL.
 */
typedef struct cu_line_geom {
  char *x, *o, *o2;
  int32_t xdt, odt, o2dt;
  int32_t nk;
  int64_t n, xs, os, o2s, lines;
  int64_t ksize[CU_MAX_DIMS], kx[CU_MAX_DIMS], ko[CU_MAX_DIMS], ko2[CU_MAX_DIMS];
} cu_line_geom;

/*
 * A few long lines are cut in cu_line_chunks(g) chunks of CU_LINE_CHUNK
 * elements, done in three passes through scratch: lines * (chunks + 1) *
 * CU_LINE_STATE_MAX bytes, needed only when there is more than one chunk.
 */
enum { CU_LINE_CHUNK = 8192, CU_LINE_STATE_MAX = 16 };
CU_EXTERN int64_t cu_line_chunks(const cu_line_geom *g);
/* Running sum (kind 0) or product (1) along the lines into o, accumulating as the CPU backend. */
CU_EXTERN int cu_scan(const cu_line_geom *g, int kind, void *scratch, cu_stream stream);
/* Softmax or log-softmax along the lines (float16/bfloat16/float32 in float, float64 in double). */
CU_EXTERN int cu_softmax(const cu_line_geom *g, bool log_, void *scratch, cu_stream stream);

/* ---- sort and unique (cuda_sort.cu) --------------------------------------------------------- */

/* Longest line cu_sort_small takes (sorted in shared memory, one block per line or less). */
enum { CU_SORT_SMALL_MAX = 2048 };

/*
 * Stable sort of each line (n <= CU_SORT_SMALL_MAX), keeping the first k:
 * values into o (x's dtype, or NULL), int64 positions into o2 (or NULL).
 * NaN sorts above every number.
 */
CU_EXTERN int cu_sort_small(const cu_line_geom *g, bool descending, int64_t k, cu_stream stream);
/* *bytes = the scratch cu_sort_large or cu_unique_* needs for total elements (a 256 multiple). */
CU_EXTERN int cu_sort_scratch_bytes(size_t *bytes, int64_t total);
/* As cu_sort_small for any n: a global radix sort of (key, position) pairs, then by line. */
CU_EXTERN int cu_sort_large(const cu_line_geom *g, bool descending, int64_t k, void *scratch,
                            size_t scratch_bytes, cu_stream stream);
/*
 * unique of n (> 0) contiguous elements of x (dtype), in two steps around
 * the host's read of the group count. Prepare sorts and numbers the groups
 * of equal elements in scratch (of cu_sort_scratch_bytes(n) bytes), stores
 * the number of groups in *last_group (device memory, int64) and which
 * scratch array holds the sorted positions in *pos_slot (host memory).
 */
CU_EXTERN int cu_unique_prepare(const char *x, int dtype, int64_t n, void *scratch,
                                size_t scratch_bytes, int64_t *last_group, int *pos_slot,
                                cu_stream stream);
/*
 * Then, with u groups: vals[g] = the first element of group g, inverse[i]
 * (or NULL) = the group of x[i], counts[g] (or NULL) = its size.
 */
CU_EXTERN int cu_unique_finish(const char *x, int dtype, int64_t n, int64_t u, void *scratch,
                               size_t scratch_bytes, int pos_slot, char *vals, int64_t *inverse,
                               int64_t *counts, cu_stream stream);

#endif /* CT_CUDA_REDUCE_H */
