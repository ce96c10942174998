/*
 * ctensor/linalg.h: matrix products (matmul, mm, bmm, mv, dot, outer, addmm,
 * baddbmm) and einsum, with PyTorch's rules.
 *
 * Conventions shared by every function here:
 * - The operands of a product must have one dtype (PyTorch's "expected m1
 *   and m2 to have the same dtype"); the result has that dtype. Every dtype
 *   but bool is supported (outer and einsum without a contraction take bool
 *   too); float16 and bfloat16 accumulate in float32 and round once.
 * - float32, float64, complex64 and complex128 go to OpenBLAS when the
 *   library was configured with it (ct_linalg_backend() says which): its
 *   results may differ in the last bits with the thread count, as PyTorch's
 *   do. The built-in kernel (other dtypes, or --with-blas=none) gives the
 *   same bits for any thread count. Integer products wrap around.
 * - The _out forms write into out, which must have the result's shape and
 *   dtype exactly (PyTorch would resize it: ctensor does not), be writable
 *   and have no two elements at one address. out may share memory with an
 *   operand: the result is computed aside first, then copied in.
 * - Scalars (beta, alpha) are one element of value_dtype at *value (see
 *   dtype.h), or NULL for the default 1, converted to the result dtype by
 *   PyTorch's (c10's) rules: a float truncates toward zero for an integer
 *   result but must lie in its range; uint8 also takes integers down to
 *   -255 (they wrap); float16 and bfloat16 results take float32 scalars.
 *   Anything else (a nonzero imaginary part for a real dtype, NaN or
 *   infinity for an integer one, out of range) is CT_ERR_INVALID_ARGUMENT.
 * - einsum equations: subscripts [a-zA-Z], at most one "..." per operand,
 *   spaces ignored; "->" and the output, or the implicit output (the
 *   ellipsis dims, then the subscripts seen once, sorted A-Z before a-z).
 *   A subscript repeated in an operand takes its diagonal; size-1 dims
 *   broadcast. One operand without summation gives a view, as PyTorch; a
 *   subscript summed within one operand alone makes integer and bool
 *   results int64 (PyTorch sums it with torch.sum first).
 * Errors common to all: CT_ERR_INVALID_ARGUMENT (NULL pointer), CT_ERR_SHAPE
 * (the message names both shapes), CT_ERR_DTYPE (operands of different
 * dtypes; bool), CT_ERR_DEVICE (operands on different devices),
 * CT_ERR_READ_ONLY (out read-only), CT_ERR_OUT_OF_MEMORY.
 */
#ifndef CTENSOR_LINALG_H
#define CTENSOR_LINALG_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * torch.matmul: 1-D x 1-D is the dot product (0-d); 2-D x 2-D the matrix
 * product; a 1-D a is a row, a 1-D b a column (their dim removed from the
 * result); beyond 2-D the leading (batch) dims broadcast.
 * Errors: CT_ERR_SHAPE (a 0-d operand, inner sizes differ, batch dims do not broadcast).
 */
CT_API ct_status ct_matmul(ct_tensor **out, ct_tensor *a, ct_tensor *b);

/** ct_matmul() into out (torch.matmul(a, b, out=out)); see the file comment for out's rules. */
CT_API ct_status ct_matmul_out(ct_tensor *out, ct_tensor *a, ct_tensor *b);

/** The product of two matrices, as torch.mm: a is (m, k), b is (k, n). Errors: CT_ERR_SHAPE (not 2-D, k differs). */
CT_API ct_status ct_mm(ct_tensor **out, ct_tensor *a, ct_tensor *b);

/** ct_mm() into out. */
CT_API ct_status ct_mm_out(ct_tensor *out, ct_tensor *a, ct_tensor *b);

/**
 * Batched matrix product, as torch.bmm: a is (b, m, k), b is (b, k, n), the
 * batch sizes equal (no broadcasting). Errors: CT_ERR_SHAPE (not 3-D, sizes differ).
 */
CT_API ct_status ct_bmm(ct_tensor **out, ct_tensor *a, ct_tensor *b);

/** ct_bmm() into out. */
CT_API ct_status ct_bmm_out(ct_tensor *out, ct_tensor *a, ct_tensor *b);

/** Matrix times vector, as torch.mv: a is (m, k), x is (k). Errors: CT_ERR_SHAPE (ranks, k differs). */
CT_API ct_status ct_mv(ct_tensor **out, ct_tensor *a, ct_tensor *x);

/** ct_mv() into out. */
CT_API ct_status ct_mv_out(ct_tensor *out, ct_tensor *a, ct_tensor *x);

/**
 * The dot product of two 1-D tensors of one size, as torch.dot (no complex
 * conjugation): a 0-d result. Errors: CT_ERR_SHAPE (not 1-D, sizes differ).
 */
CT_API ct_status ct_dot(ct_tensor **out, ct_tensor *a, ct_tensor *b);

/** ct_dot() into a 0-d out. */
CT_API ct_status ct_dot_out(ct_tensor *out, ct_tensor *a, ct_tensor *b);

/**
 * The outer product of two 1-D tensors, as torch.outer: out[i][j] = a[i] *
 * b[j], the dtypes promoted as by multiplication (every dtype, bool too).
 * Errors: CT_ERR_SHAPE (not 1-D).
 */
CT_API ct_status ct_outer(ct_tensor **out, ct_tensor *a, ct_tensor *b);

/**
 * ct_outer() into out; out's dtype may differ from the promoted one when
 * the promoted dtype casts to it (torch.can_cast). Errors: CT_ERR_DTYPE (it does not).
 */
CT_API ct_status ct_outer_out(ct_tensor *out, ct_tensor *a, ct_tensor *b);

/**
 * beta * input + alpha * (a @ b), as torch.addmm: a is (m, k), b is (k, n),
 * input broadcasts to (m, n); input, a and b share one dtype. beta == 0
 * ignores input (NaN in it does not propagate); alpha == 0 ignores a and b.
 * beta, alpha: see the file comment (NULL is 1).
 */
CT_API ct_status ct_addmm(ct_tensor **out, ct_tensor *input, ct_tensor *a, ct_tensor *b,
                          const void *beta, ct_dtype beta_dtype, const void *alpha,
                          ct_dtype alpha_dtype);

/** ct_addmm() into out (which may be input itself). */
CT_API ct_status ct_addmm_out(ct_tensor *out, ct_tensor *input, ct_tensor *a, ct_tensor *b,
                              const void *beta, ct_dtype beta_dtype, const void *alpha,
                              ct_dtype alpha_dtype);

/** In-place ct_addmm(), as Tensor.addmm_: input must be (m, n). */
CT_API ct_status ct_addmm_(ct_tensor *input, ct_tensor *a, ct_tensor *b, const void *beta,
                           ct_dtype beta_dtype, const void *alpha, ct_dtype alpha_dtype);

/**
 * beta * input + alpha * bmm(a, b), as torch.baddbmm: a is (b, m, k), b is
 * (b, k, n), input broadcasts to (b, m, n); the rest as ct_addmm().
 */
CT_API ct_status ct_baddbmm(ct_tensor **out, ct_tensor *input, ct_tensor *a, ct_tensor *b,
                            const void *beta, ct_dtype beta_dtype, const void *alpha,
                            ct_dtype alpha_dtype);

/** ct_baddbmm() into out (which may be input itself). */
CT_API ct_status ct_baddbmm_out(ct_tensor *out, ct_tensor *input, ct_tensor *a, ct_tensor *b,
                                const void *beta, ct_dtype beta_dtype, const void *alpha,
                                ct_dtype alpha_dtype);

/** In-place ct_baddbmm(), as Tensor.baddbmm_: input must be (b, m, n). */
CT_API ct_status ct_baddbmm_(ct_tensor *input, ct_tensor *a, ct_tensor *b, const void *beta,
                             ct_dtype beta_dtype, const void *alpha, ct_dtype alpha_dtype);

/**
 * torch.einsum over operands[0 .. n-1], n = 1 or 2 (see the file comment for the equation).
 * Errors: CT_ERR_INVALID_ARGUMENT (malformed equation, operand count),
 * CT_ERR_SHAPE (sizes), CT_ERR_DTYPE (dtypes differ; bool with a
 * contraction), CT_ERR_NOT_IMPLEMENTED (n > 2: contract pairwise).
 */
CT_API ct_status ct_einsum(ct_tensor **out, const char *equation, ct_tensor *const *operands,
                           int32_t n);

/**
 * The matrix-product implementation of this build: "openblas" or "builtin"
 * (a static string). Errors: CT_ERR_INVALID_ARGUMENT (NULL).
 */
CT_API ct_status ct_linalg_backend(const char **name);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_LINALG_H */
