/*
 * cuda_copy.c: the backend's copy and fill on one device.
 *
 * Both are elementwise over dst's shape, so the order of dimensions is
 * free: dims are sorted by dst's stride (outermost first), size-1 dims
 * dropped and neighbours merged wherever every operand allows, as the CPU
 * iterator does. Dense tensors with matching layouts thus become one
 * contiguous run (a cudaMemcpyAsync or cudaMemsetAsync), a slice of rows
 * two dims (cudaMemcpy2DAsync), and only what is left goes to the kernels of
 * cuda_copy.cu, with few dims to divide by.
 */
#include <stdlib.h>
#include <string.h>

#include "cuda_internal.h"

/* A coalesced walk: shape and the element strides of up to two operands. */
typedef struct ct_cuda_walk {
  int32_t ndim;
  int64_t numel;
  int64_t shape[CU_MAX_DIMS];
  int64_t st[2][CU_MAX_DIMS];
} ct_cuda_walk;

static int64_t ct_cuda_abs(int64_t v) { return v < 0 ? -v : v; }

/*
 * Coalesces the dims of dst (and src when given, of dst's shape) into w.
 * Fails with CT_ERR_NOT_IMPLEMENTED naming fn only when more than
 * CU_MAX_DIMS dims remain.
 */
static ct_status ct_cuda_walk_make(ct_cuda_walk *w, const struct ct_tensor *dst, const struct ct_tensor *src,
                                   const char *fn) {
  enum { STACK_DIMS = 32 };
  int32_t stack[STACK_DIMS];
  int32_t *perm = stack;
  int32_t nops = src ? 2 : 1;
  if (dst->ndim > STACK_DIMS) {
    perm = malloc((size_t)dst->ndim * sizeof *perm);
    if (!perm) return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of memory", fn);
  }
  /* Non-trivial dims, sorted by decreasing |dst stride| (insertion sort: stable, and ndim is small). */
  int32_t n = 0;
  for (int32_t d = 0; d < dst->ndim; d++) {
    if (dst->shape[d] == 1) continue;
    int32_t j = n++;
    while (j > 0 && ct_cuda_abs(dst->strides[perm[j - 1]]) < ct_cuda_abs(dst->strides[d])) {
      perm[j] = perm[j - 1];
      j--;
    }
    perm[j] = d;
  }
  /* Merge each dim into the kept one outside it when, for every operand, it continues it exactly. */
  ct_status s = CT_OK;
  w->ndim = 0;
  w->numel = dst->numel;
  for (int32_t k = 0; k < n; k++) {
    int32_t d = perm[k];
    int64_t sd[2] = {dst->strides[d], src ? src->strides[d] : 0};
    if (w->ndim > 0) {
      int32_t p = w->ndim - 1;
      bool merge = true;
      for (int32_t op = 0; op < nops; op++) merge = merge && w->st[op][p] == sd[op] * dst->shape[d];
      if (merge) {
        w->shape[p] *= dst->shape[d];
        for (int32_t op = 0; op < nops; op++) w->st[op][p] = sd[op];
        continue;
      }
    }
    if (w->ndim == CU_MAX_DIMS) {
      s = ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: CUDA kernels take at most %d dimensions, got a tensor of %d", fn,
                    CU_MAX_DIMS, (int)dst->ndim);
      break;
    }
    w->shape[w->ndim] = dst->shape[d];
    for (int32_t op = 0; op < nops; op++) w->st[op][w->ndim] = sd[op];
    w->ndim++;
  }
  if (perm != stack) free(perm);
  return s;
}

/* A kernel descriptor for operand op of a walk. */
static cu_tensor ct_cuda_walk_desc(const ct_cuda_walk *w, int32_t op, const struct ct_tensor *t) {
  cu_tensor d;
  memset(&d, 0, sizeof d);
  d.data = ct__data(t);
  d.dtype = (int32_t)t->dtype;
  d.ndim = w->ndim;
  d.numel = w->numel;
  for (int32_t k = 0; k < w->ndim; k++) {
    d.shape[k] = w->shape[k];
    d.strides[k] = w->st[op][k];
  }
  return d;
}

/* Whether operand op of a walk is one contiguous run. */
static bool ct_cuda_walk_contiguous(const ct_cuda_walk *w, int32_t op) {
  return w->ndim == 0 || (w->ndim == 1 && w->st[op][0] == 1);
}

ct_status ct__cuda_copy(struct ct_tensor *dst, struct ct_tensor *src) {
  const char *fn = "copy";
  if (dst->numel == 0) return CT_OK;
  int32_t device = ct__cuda_dev(dst);
  CT_TRY(ct__cuda_use_device(device, fn));
  cudaStream_t st = ct__cuda_stream(device);
  ct_cuda_walk w;
  CT_TRY(ct_cuda_walk_make(&w, dst, src, fn));
  if (dst->dtype == src->dtype) {
    size_t item = (size_t)ct__itemsize(dst->dtype);
    if (ct_cuda_walk_contiguous(&w, 0) && ct_cuda_walk_contiguous(&w, 1))
      return ct__cuda_check(cudaMemcpyAsync(ct__data(dst), ct__data(src), (size_t)w.numel * item,
                                            cudaMemcpyDeviceToDevice, st),
                            fn, "copying on the device");
    /* Rows contiguous on both sides: one 2D copy, which the copy engines do at full speed. */
    if (w.ndim == 2 && w.st[0][1] == 1 && w.st[1][1] == 1 && w.st[0][0] >= w.shape[1] &&
        w.st[1][0] >= w.shape[1]) {
      cudaError_t e = cudaMemcpy2DAsync(ct__data(dst), (size_t)w.st[0][0] * item, ct__data(src),
                                        (size_t)w.st[1][0] * item, (size_t)w.shape[1] * item, (size_t)w.shape[0],
                                        cudaMemcpyDeviceToDevice, st);
      if (e == cudaSuccess) return CT_OK;
      /* Pitches past the device's limit are refused up front: the kernel below does those. */
      if (e != cudaErrorInvalidPitchValue && e != cudaErrorInvalidValue)
        return ct__cuda_check(e, fn, "copying on the device");
      (void)cudaGetLastError();
    }
  }
  cu_tensor d = ct_cuda_walk_desc(&w, 0, dst), s = ct_cuda_walk_desc(&w, 1, src);
  return ct__cuda_check((cudaError_t)cu_copy(d, s, (cu_stream)st), fn, "launching copy");
}

ct_status ct__cuda_fill(struct ct_tensor *dst, const void *value) {
  const char *fn = "fill";
  if (dst->numel == 0) return CT_OK;
  int32_t device = ct__cuda_dev(dst);
  CT_TRY(ct__cuda_use_device(device, fn));
  cudaStream_t st = ct__cuda_stream(device);
  ct_cuda_walk w;
  CT_TRY(ct_cuda_walk_make(&w, dst, NULL, fn));
  size_t item = (size_t)ct__itemsize(dst->dtype);
  static const unsigned char zero[16];
  if (ct_cuda_walk_contiguous(&w, 0) && memcmp(value, zero, item) == 0)
    return ct__cuda_check(cudaMemsetAsync(ct__data(dst), 0, (size_t)w.numel * item, st), fn, "filling with zeros");
  cu_tensor d = ct_cuda_walk_desc(&w, 0, dst);
  return ct__cuda_check((cudaError_t)cu_fill(d, value, (cu_stream)st), fn, "launching fill");
}
