/*
 * ct_linalg.h: the linalg family's kernel table.
 *
 * Every product of linalg.h (matmul, mm, bmm, mv, dot, outer, addmm,
 * baddbmm, einsum) reaches the backend as one batched matrix product,
 * c = beta * c + alpha * (a @ b), over strided matrices: the front end in
 * ct_linalg.c works out the views (1-D operands as rows or columns,
 * broadcast batch dims with stride 0, einsum's groups of dims merged into
 * rows, columns and the contraction), so the kernels never see a shape rule.
 */
#ifndef CT_LINALG_H
#define CT_LINALG_H

#include "ct_internal.h"

/* alpha or beta: the value as a complex double and as an integer (truncated), for the dtype at hand. */
typedef struct ct__gemm_scalar {
  double re, im;
  int64_t i;
  bool zero; /* the value is 0 in the result dtype */
} ct__gemm_scalar;

/*
 * One batched product: for every index of the batch, c (m, n) = beta * c +
 * alpha * a (m, k) @ b (k, n). Matrices are given by the address of element
 * (0, 0) of batch index 0 and their row and column strides, batch dims by
 * their sizes and each operand's strides (0 where broadcast); every stride in
 * elements, >= 0. a, b and c have one dtype, any of them (bool multiplies
 * as logical and and sums as logical or; integers wrap around).
 * Guarantees of the caller: c has no two elements at one address and shares
 * no memory with a or b; sizes >= 0. beta.zero: c is not read (NaN in it
 * does not propagate). alpha.zero or k == 0: a and b are not read.
 */
typedef struct ct__gemm_args {
  ct_dtype dtype;
  int64_t m, n, k;
  int32_t batch_ndim;
  const int64_t *batch_shape;       /* batch_ndim sizes */
  const int64_t *batch_strides[3];  /* per operand (a, b, c): batch_ndim strides */
  char *data[3];                    /* per operand (a, b, c): element (0, ..., 0) */
  int64_t rs[3], cs[3];             /* per operand (a, b, c): row and column stride */
  ct__gemm_scalar alpha, beta;
  const char *fn;                   /* the public function, for error messages */
} ct__gemm_args;

struct ct_backend_linalg_i {
  /* Name of the implementation behind gemm ("openblas", "builtin"). */
  const char *impl;
  /* Runs a checked product (see ct__gemm_args); records its own error on failure. */
  ct_status (*gemm)(const ct__gemm_args *args);
};

#endif /* CT_LINALG_H */
