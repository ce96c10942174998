/*
 * cuda_index.c: the CUDA backend's index family (ct_index.h): bounds checks
 * of index tensors, the indexed copy, count_nonzero, nonzero, masked_select
 * and masked_fill. Kernels are in cuda_index.cu.
 *
 * The indexed copy is planned as the CPU backend plans it (serial dims
 * first, size-1 dims dropped, neighbours merged), then run in the mode that
 * keeps the CPU's results exactly (see cuda_index.h):
 * - GET, and any op without serial dims, cannot collide: ordered mode, one
 *   thread per position.
 * - integer and bool ADD/MUL: atomics. Wrapping arithmetic (and or/and for
 *   bool) gives the same result in any order.
 * - float and complex ADD/MUL: ordered mode, accumulating in index order as
 *   the CPU does. No float atomics: PyTorch's CUDA scatter_add/index_add use
 *   atomicAdd and differ run to run; the contract asks for index order,
 *   which also makes the result deterministic. The cost is parallelism:
 *   one thread per parallel position, so accumulating into a 1-d tensor
 *   (npar == 1) runs on a single thread.
 * - PUT with serial dims: claims (last write in index order wins) when the
 *   destination's address range is small enough for a claim word per
 *   element, else ordered mode.
 *
 * Index tensors are on the destination's device: the front end refuses
 * others (ct_index.c, ct__same_device).
 */
#include <string.h>

#include "cuda_internal.h"
#include "cuda_index.h"
#include "../core/ct_index.h"

/* Serial steps up to which PUT stays in ordered mode (claims cost a memset and two passes). */
enum { CT_CUDA_IX_FEW_SERIAL = 8 };
/* Claim words allowed beyond four per position. */
#define CT_CUDA_IX_CLAIM_SLACK ((int64_t)1 << 24)

/* The device data pointer of t's element (0, ..., 0). */
static ct_status ct_cuda_ix_data(char **out, const ct_tensor *t, const char *fn) {
  cu_tensor d;
  CT_TRY(ct__cuda_desc(&d, t, fn));
  *out = d.data;
  return CT_OK;
}

/* Copies nbytes of device memory at src to the host after the stream's work, and waits. */
static cudaError_t ct_cuda_ix_read_back(void *dst, const void *src, size_t nbytes, cudaStream_t st) {
  cudaError_t e = cudaMemcpyAsync(dst, src, nbytes, cudaMemcpyDeviceToHost, st);
  return e == cudaSuccess ? cudaStreamSynchronize(st) : e;
}

/* ---- bounds of index tensors --------------------------------------------------------------- */

static ct_status ct_cuda_find_out_of_range(bool *found, int64_t *value, const ct_tensor *idx, int64_t lo,
                                           int64_t hi) {
  static const char fn[] = "find_out_of_range";
  *found = false;
  *value = 0;
  if (idx->numel == 0) return CT_OK;
  cu_tensor d;
  CT_TRY(ct__cuda_desc(&d, idx, fn));
  int32_t dev = ct__cuda_dev(idx);
  CT_TRY(ct__cuda_use_device(dev, fn));
  cudaStream_t st = ct__cuda_stream(dev);
  int64_t *scratch;
  CT_TRY(ct__cuda_scratch((void **)&scratch, 2 * sizeof(int64_t), dev, fn));
  int64_t host[2] = {-1, 0};
  cudaError_t e = (cudaError_t)cu_find_out_of_range(d, lo, hi, scratch, st);
  if (e == cudaSuccess) e = ct_cuda_ix_read_back(host, scratch, sizeof host, st);
  ct__cuda_free(scratch);
  CT_TRY(ct__cuda_check(e, fn, "checking index values"));
  if (host[0] >= 0) {
    *found = true;
    *value = host[1];
  }
  return CT_OK;
}

/* ---- the indexed copy ---------------------------------------------------------------------- */

/* Fills x from a (dst->numel > 0): pointers, index facts, and the dims serial-first, merged. */
static ct_status ct_cuda_ix_plan(cu_ix_plan *x, const ct__index_args *a, const char *fn) {
  const ct_tensor *dst = a->dst, *src = a->src;
  int32_t nidx = a->nidx, nops = 2 + nidx;
  memset(x, 0, sizeof *x);
  x->op = a->op;
  x->dtype = dst->dtype;
  x->nidx = nidx;
  CT_TRY(ct_cuda_ix_data(&x->dst, dst, fn));
  CT_TRY(ct_cuda_ix_data(&x->src, src, fn));
  for (int32_t j = 0; j < nidx; j++) {
    CT_TRY(ct_cuda_ix_data(&x->idx[j], a->idx[j], fn));
    if (a->idx[j]->dtype == CT_INT64) x->is64 |= 1u << j;
    x->isize[j] = a->sizes[j];
    x->istride[j] = a->strides[j];
  }
  int32_t nd = 0;
  for (int32_t pass = 0; pass < 2; pass++) {
    int32_t group_start = nd;
    for (int32_t d = 0; d < dst->ndim; d++) {
      bool serial = d >= a->serial_begin && d < a->serial_end;
      if (serial != (pass == 0) || dst->shape[d] == 1) continue;
      int64_t row[2 + CU_IX_MAX_INDEX];
      for (int32_t op = 0; op < nops; op++) row[op] = (op == 0 ? dst : op == 1 ? src : a->idx[op - 2])->strides[d];
      /* Merge into the previous dim of the group when every operand steps through both as one run. */
      bool merge = nd > group_start;
      for (int32_t op = 0; merge && op < nops; op++) merge = x->st[nd - 1][op] == row[op] * dst->shape[d];
      if (merge) {
        x->size[nd - 1] *= dst->shape[d];
        memcpy(x->st[nd - 1], row, (size_t)nops * sizeof(int64_t));
      } else {
        x->size[nd] = dst->shape[d];
        memcpy(x->st[nd], row, (size_t)nops * sizeof(int64_t));
        nd++;
      }
    }
    if (pass == 0) x->nser = nd;
  }
  x->nd = nd;
  x->nser_total = x->npar = 1;
  for (int32_t k = 0; k < nd; k++) *(k < x->nser ? &x->nser_total : &x->npar) *= x->size[k];
  return CT_OK;
}

/*
 * The destination offsets a plan can reach, [*lo, *lo + *span): its dims'
 * strides and the indexed dims' (index values wrap into [0, size)). False
 * when the range is too large for claim words.
 */
static bool ct_cuda_ix_claim_range(int64_t *lo, int64_t *span, const cu_ix_plan *x) {
  int64_t l = 0, h = 0;
  for (int32_t k = 0; k < x->nd; k++) {
    int64_t ext = (x->size[k] - 1) * x->st[k][0];
    *(ext < 0 ? &l : &h) += ext;
  }
  for (int32_t j = 0; j < x->nidx; j++) {
    int64_t ext = (x->isize[j] - 1) * x->istride[j];
    *(ext < 0 ? &l : &h) += ext;
  }
  int64_t total = x->nser_total * x->npar;
  *lo = l;
  *span = h - l + 1;
  return *span <= 4 * total + CT_CUDA_IX_CLAIM_SLACK;
}

static ct_status ct_cuda_indexed_copy(const ct__index_args *a) {
  static const char fn[] = "indexed_copy";
  const ct_tensor *dst = a->dst;
  if (dst->numel == 0) return CT_OK;
  if (a->nidx > CU_IX_MAX_INDEX || dst->ndim > CU_MAX_DIMS)
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: %d index tensors over %d dims; the CUDA backend handles up to %d",
                     fn, (int)a->nidx, (int)dst->ndim, CU_MAX_DIMS);
  cu_ix_plan x;
  CT_TRY(ct_cuda_ix_plan(&x, a, fn));
  bool integral = dst->dtype <= CT_INT64; /* bool, uint8, int8, int16, int32, int64 */
  int32_t mode = CU_IX_ORDERED;
  int64_t claim_min = 0, claim_span = 0;
  if (x.nser > 0 && a->op != CT__INDEX_GET) {
    if (a->op != CT__INDEX_PUT && integral)
      mode = CU_IX_ATOMIC;
    else if (a->op == CT__INDEX_PUT && x.nser_total > CT_CUDA_IX_FEW_SERIAL && x.nser_total < (int64_t)UINT32_MAX &&
             ct_cuda_ix_claim_range(&claim_min, &claim_span, &x))
      mode = CU_IX_CLAIM;
  }
  int32_t dev = ct__cuda_dev(dst);
  CT_TRY(ct__cuda_use_device(dev, fn));
  uint32_t *claim = NULL;
  if (mode == CU_IX_CLAIM)
    CT_TRY(ct__cuda_scratch((void **)&claim, (size_t)claim_span * sizeof(uint32_t), dev, fn));
  cudaError_t e = (cudaError_t)cu_indexed_copy(&x, mode, claim, claim_min, claim_span, ct__cuda_stream(dev));
  if (claim) ct__cuda_free(claim);
  return ct__cuda_check(e, fn, "launching the indexed copy");
}

/* ---- count_nonzero, nonzero, masked_select ------------------------------------------------- */

/* Per-chunk counts of t's nonzero elements as exclusive prefix sums, the total last (device scratch). */
static ct_status ct_cuda_ix_counts(int64_t **counts, const cu_tensor *t, int32_t dev, const char *fn) {
  size_t n = (size_t)cu_nz_chunks(t->numel) + 1;
  CT_TRY(ct__cuda_scratch((void **)counts, n * sizeof(int64_t), dev, fn));
  cudaError_t e = (cudaError_t)cu_count_chunks(*t, *counts, ct__cuda_stream(dev));
  if (e == cudaSuccess) return CT_OK;
  ct__cuda_free(*counts);
  *counts = NULL;
  return ct__cuda_check(e, fn, "counting nonzero elements");
}

static ct_status ct_cuda_count_nonzero(int64_t *count, const ct_tensor *t) {
  static const char fn[] = "count_nonzero";
  *count = 0;
  if (t->numel == 0) return CT_OK;
  cu_tensor d;
  CT_TRY(ct__cuda_desc(&d, t, fn));
  int32_t dev = ct__cuda_dev(t);
  CT_TRY(ct__cuda_use_device(dev, fn));
  int64_t *counts;
  CT_TRY(ct_cuda_ix_counts(&counts, &d, dev, fn));
  cudaError_t e = ct_cuda_ix_read_back(count, counts + cu_nz_chunks(d.numel), sizeof *count, ct__cuda_stream(dev));
  ct__cuda_free(counts);
  return ct__cuda_check(e, fn, "reading the count back");
}

static ct_status ct_cuda_nonzero(ct_tensor *out, const ct_tensor *t) {
  static const char fn[] = "nonzero";
  if (t->numel == 0 || t->ndim == 0) return CT_OK;
  cu_tensor d;
  char *o;
  CT_TRY(ct__cuda_desc(&d, t, fn));
  CT_TRY(ct_cuda_ix_data(&o, out, fn));
  int32_t dev = ct__cuda_dev(t);
  CT_TRY(ct__cuda_use_device(dev, fn));
  int64_t *counts;
  CT_TRY(ct_cuda_ix_counts(&counts, &d, dev, fn));
  cudaError_t e = (cudaError_t)cu_nonzero(d, (int64_t *)(void *)o, counts, ct__cuda_stream(dev));
  ct__cuda_free(counts);
  return ct__cuda_check(e, fn, "writing coordinates");
}

static ct_status ct_cuda_masked_select(ct_tensor *out, const ct_tensor *src, const ct_tensor *mask) {
  static const char fn[] = "masked_select";
  if (mask->numel == 0) return CT_OK;
  cu_tensor s, m;
  char *o;
  CT_TRY(ct__cuda_desc(&s, src, fn));
  CT_TRY(ct__cuda_desc(&m, mask, fn));
  CT_TRY(ct_cuda_ix_data(&o, out, fn));
  int32_t dev = ct__cuda_dev(src);
  CT_TRY(ct__cuda_use_device(dev, fn));
  int64_t *counts;
  CT_TRY(ct_cuda_ix_counts(&counts, &m, dev, fn));
  cudaError_t e = (cudaError_t)cu_masked_select(s, m, o, counts, ct__cuda_stream(dev));
  ct__cuda_free(counts);
  return ct__cuda_check(e, fn, "selecting elements");
}

/* ---- masked_fill --------------------------------------------------------------------------- */

static ct_status ct_cuda_masked_fill(ct_tensor *dst, const ct_tensor *mask, const void *value) {
  static const char fn[] = "masked_fill";
  if (dst->numel == 0) return CT_OK;
  cu_tensor d, m;
  CT_TRY(ct__cuda_desc(&d, dst, fn));
  CT_TRY(ct__cuda_desc(&m, mask, fn));
  int32_t dev = ct__cuda_dev(dst);
  CT_TRY(ct__cuda_use_device(dev, fn));
  cudaError_t e = (cudaError_t)cu_masked_fill(d, m, value, ct__cuda_stream(dev));
  return ct__cuda_check(e, fn, "filling masked elements");
}

const struct ct_backend_index_i ct__cuda_index = {
  .find_out_of_range = ct_cuda_find_out_of_range,
  .indexed_copy = ct_cuda_indexed_copy,
  .count_nonzero = ct_cuda_count_nonzero,
  .nonzero = ct_cuda_nonzero,
  .masked_select = ct_cuda_masked_select,
  .masked_fill = ct_cuda_masked_fill,
};
