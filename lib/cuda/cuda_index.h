/*
 * cuda_index.h: the launchers of the index family's kernels (cuda_index.cu):
 * bounds checks of index tensors, the indexed copy, and the block-wise
 * count / scan / write kernels of nonzero and masked_select, masked_fill.
 *
 * Scratch memory is the glue's to allocate (cuda_index.c); the sizes it
 * needs are given here.
 */
#ifndef CT_CUDA_INDEX_H
#define CT_CUDA_INDEX_H

#include "cuda_kernels.h"

/* Most index tensors of one indexed copy: one per dim. */
#define CU_IX_MAX_INDEX CU_MAX_DIMS

/* Values of cu_ix_plan.op, equal to ct_index.h's CT__INDEX_*. */
enum { CU_IX_GET = 0, CU_IX_PUT = 1, CU_IX_ADD = 2, CU_IX_MUL = 3 };

/*
 * One indexed copy, planned by the glue as the CPU backend plans it: the
 * iteration shape's dims with size-1 dims dropped and neighbours merged,
 * the serial dims first (dims [0, nser)), then the parallel ones. A position
 * is (s, p): s over the serial dims, p over the parallel dims, each
 * row-major. off = sum over j of wrap(idx[j] at the position) * istride[j]
 * elements is added to dst (PUT, ADD, MUL) or src (GET).
 */
typedef struct cu_ix_plan {
  char *dst, *src;              /* element (0, ..., 0) */
  char *idx[CU_IX_MAX_INDEX];   /* element (0, ..., 0) of each index tensor */
  int32_t op, dtype;            /* CU_IX_*, dst's (and src's) dtype */
  int32_t nidx, nd, nser;
  uint32_t is64;                /* bit j: idx[j] is int64 (else int32) */
  int64_t nser_total, npar;     /* positions of the serial dims, of the parallel dims */
  int64_t isize[CU_IX_MAX_INDEX];   /* size of indexed dim j (negative indices add it) */
  int64_t istride[CU_IX_MAX_INDEX]; /* its stride, elements of dst (PUT/ADD/MUL) or src (GET) */
  int64_t size[CU_MAX_DIMS];
  int64_t st[CU_MAX_DIMS][2 + CU_IX_MAX_INDEX]; /* element strides: dst, src, then idx[j] */
} cu_ix_plan;

/* How cu_indexed_copy runs a plan (see cuda_index.c for the choice). */
enum {
  /* One thread per parallel position walks the serial positions in order: the CPU's order exactly. */
  CU_IX_ORDERED = 0,
  /* Every position on its own thread, ADD/MUL by atomics: integer and bool dtypes only (order-free). */
  CU_IX_ATOMIC = 1,
  /*
   * PUT: every position claims its destination element with the largest
   * serial position + 1 (atomicMax in claim[dst offset - claim_min]), then
   * only the winners write: the last write in serial order wins, as on the CPU.
   */
  CU_IX_CLAIM = 2
};

/* Bytes of one element of a dtype (ctensor/dtype.h values). */
static inline int cu_ix_itemsize(int32_t dtype) {
  return dtype <= 2 ? 1 : dtype == 3 || dtype == 6 || dtype == 7 ? 2 : dtype == 4 || dtype == 8 ? 4
         : dtype == 11 ? 16 : 8;
}

/*
 * scratch[0] = the row-major position of the first element of idx (int32 or
 * int64) outside [lo, hi), or -1; scratch[1] = that element's value.
 * scratch: 2 int64 of device memory.
 */
CU_EXTERN int cu_find_out_of_range(cu_tensor idx, int64_t lo, int64_t hi, int64_t *scratch, cu_stream stream);

/*
 * Runs a plan (nser_total * npar > 0) in a mode. CU_IX_CLAIM needs claim:
 * claim_span uint32 words of device memory (zeroed here), covering the
 * destination offsets [claim_min, claim_min + claim_span).
 */
CU_EXTERN int cu_indexed_copy(const cu_ix_plan *plan, int32_t mode, uint32_t *claim, int64_t claim_min,
                              int64_t claim_span, cu_stream stream);

/* Elements per chunk of the block-wise kernels: chunk k's output starts at the count of chunks < k. */
#define CU_NZ_CHUNK 4096
static inline int64_t cu_nz_chunks(int64_t numel) { return (numel + CU_NZ_CHUNK - 1) / CU_NZ_CHUNK; }

/*
 * counts[k] (k < cu_nz_chunks(numel)) = the number of the elements of chunk k
 * of t that are nonzero (NaN is, -0.0 is not), then turned into exclusive
 * prefix sums with the total in counts[chunks]. counts: chunks + 1 int64.
 */
CU_EXTERN int cu_count_chunks(cu_tensor t, int64_t *counts, cu_stream stream);

/* out (int64, [count, ndim], contiguous) = coordinates of t's nonzero elements; counts from cu_count_chunks(t). */
CU_EXTERN int cu_nonzero(cu_tensor t, int64_t *out, const int64_t *counts, cu_stream stream);

/* out (contiguous, src's dtype) = src's elements where mask is true; counts from cu_count_chunks(mask). */
CU_EXTERN int cu_masked_select(cu_tensor src, cu_tensor mask, char *out, const int64_t *counts, cu_stream stream);

/* dst's elements where mask (dst's shape) is true = *value (16 bytes holding one element of dst's dtype). */
CU_EXTERN int cu_masked_fill(cu_tensor dst, cu_tensor mask, const void *value, cu_stream stream);

#endif /* CT_CUDA_INDEX_H */
