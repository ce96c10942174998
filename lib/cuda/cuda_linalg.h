/*
 * cuda_linalg.h: the launcher of the CUDA module's own matrix product
 * (cuda_linalg.cu), for what cuBLAS does not take: integer and bool dtypes,
 * and the products that only scale c (k == 0 or alpha == 0).
 */
#ifndef CT_CUDA_LINALG_H
#define CT_CUDA_LINALG_H

#include "cuda_kernels.h"

/*
 * One batched product, c (m, n) = beta * c + alpha * a (m, k) @ b (k, n) for
 * every batch index, with ct__gemm_args's meaning (lib/core/ct_linalg.h):
 * element (0, 0) of batch index 0 of each operand (a, b, c), row and column
 * strides, batch sizes and per-operand batch strides, all in elements.
 */
typedef struct cu_gemm {
  int32_t dtype;
  int32_t batch_ndim; /* <= CU_MAX_DIMS */
  int64_t m, n, k;
  int64_t batch_shape[CU_MAX_DIMS];
  int64_t batch_strides[3][CU_MAX_DIMS];
  char *data[3];
  int64_t rs[3], cs[3];
  double alpha[2], beta[2]; /* floating and complex dtypes: (re, im) */
  int64_t alpha_i, beta_i;  /* integer and bool dtypes: the truncated values */
  bool beta_zero;           /* c is not read */
  bool skip_ab;             /* k == 0 or alpha == 0: c = beta * c, a and b are not read */
} cu_gemm;

/* Runs g on the stream: any dtype, any strides, sizes >= 1 except k (>= 0). */
CU_EXTERN int cu_gemm_fallback(const cu_gemm *g, cu_stream stream);

#endif /* CT_CUDA_LINALG_H */
