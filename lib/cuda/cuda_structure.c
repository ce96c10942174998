/*
 * cuda_structure.c: the CUDA backend's structure family (ct_structure.h):
 * the tril/triu mask. Everything else of the family is views and the
 * backend's strided copy. The kernel is in cuda_structure.cu.
 */
#include "cuda_internal.h"
#include "cuda_structure.h"
#include "../core/ct_structure.h"

static ct_status ct_cuda_tril_triu(ct_tensor *dst, ct_tensor *src, int64_t diagonal, bool upper) {
  static const char fn[] = "tril_triu";
  if (dst->numel == 0) return CT_OK;
  cu_tensor d, s;
  CT_TRY(ct__cuda_desc(&d, dst, fn));
  CT_TRY(ct__cuda_desc(&s, src, fn));
  int32_t dev = ct__cuda_dev(dst);
  CT_TRY(ct__cuda_use_device(dev, fn));
  cudaError_t e = (cudaError_t)cu_tril_triu(d, s, diagonal, upper, dst == src, ct__cuda_stream(dev));
  return ct__cuda_check(e, fn, "masking a triangle");
}

const struct ct_backend_structure_i ct__cuda_structure = {
  .tril_triu = ct_cuda_tril_triu,
};
