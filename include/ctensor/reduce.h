/*
 * ctensor/reduce.h: reductions, scans, softmax, sorting and unique.
 *
 * Conventions shared by every function here:
 * - Results come back through out-parameters as new references (see
 *   tensor.h); on failure every out-parameter is set to NULL.
 * - A list of dims is (const int64_t *dims, int32_t ndims). ndims = 0 means
 *   every dim (PyTorch's dim=None); dims may then be NULL. Negative dims count
 *   from the end; a 0-d tensor accepts dim 0 and -1. A dim named twice is an
 *   error. keepdim keeps the reduced dims with size 1.
 * - dtype arguments: CT_DTYPE_NONE follows PyTorch's rules (sum and prod of
 *   bool or integers give int64, others keep the input's dtype); another
 *   dtype converts the input to it first, as torch.sum(x, dtype=...).
 * - The _out forms write into out, which must have exactly the result's
 *   shape (no resizing) and dtype (for sum, prod, mean, cumsum and cumprod
 *   with dtype CT_DTYPE_NONE, out's dtype is taken as the dtype, as PyTorch),
 *   be writable, on x's device, and hold no element twice (a stride 0 on a
 *   dim of size > 1). out may share memory with x.
 * - Float sums are pairwise; float16 and bfloat16 compute in float32 and
 *   round once. Large inputs use several threads; results are bitwise the
 *   same for every ct_set_num_threads() value.
 * Errors common to all: CT_ERR_INVALID_ARGUMENT (NULL pointer, ndims < 0,
 * dims NULL with ndims > 0, a repeated dim), CT_ERR_INDEX (dim out of
 * range), CT_ERR_DTYPE (dtype out of range or not supported by the op),
 * CT_ERR_SHAPE (out's shape), CT_ERR_READ_ONLY (out), CT_ERR_DEVICE,
 * CT_ERR_NOT_IMPLEMENTED (a device without these kernels),
 * CT_ERR_OUT_OF_MEMORY.
 */
#ifndef CTENSOR_REDUCE_H
#define CTENSOR_REDUCE_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- sums and products ---------------------------------------------------------------------- */

/**
 * Sum over dims, as torch.sum(x, dim, keepdim, dtype=dtype). Every dtype; an
 * empty reduction gives 0. Integer sums wrap in int64 (or in dtype).
 */
CT_API ct_status ct_sum(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                        bool keepdim, ct_dtype dtype);
/** ct_sum() into out (see the file comment for out's rules). */
CT_API ct_status ct_sum_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                            bool keepdim, ct_dtype dtype);
/**
 * Product over dims, as torch.prod (which takes one dim; any list works here).
 * Every dtype; an empty reduction gives 1.
 */
CT_API ct_status ct_prod(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                         bool keepdim, ct_dtype dtype);
/** ct_prod() into out. */
CT_API ct_status ct_prod_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                             bool keepdim, ct_dtype dtype);
/**
 * Mean over dims, as torch.mean. The input (or dtype, when given) must be a
 * floating or complex dtype: integers and bool are CT_ERR_DTYPE asking for a
 * floating dtype, as PyTorch. An empty reduction gives NaN.
 */
CT_API ct_status ct_mean(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                         bool keepdim, ct_dtype dtype);
/** ct_mean() into out. */
CT_API ct_status ct_mean_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                             bool keepdim, ct_dtype dtype);
/**
 * log(sum(exp(x))) over dims, computed stably, as torch.logsumexp: floating
 * inputs keep their dtype, bool and integers give the default dtype; complex
 * is CT_ERR_DTYPE. An empty reduction gives -inf.
 */
CT_API ct_status ct_logsumexp(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                              bool keepdim);
/** ct_logsumexp() into out. */
CT_API ct_status ct_logsumexp_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                                  bool keepdim);

/* ---- extrema -------------------------------------------------------------------------------- */

/**
 * The largest element as a 0-d tensor, as torch.max(x); NaN wins. Every dtype
 * but complex. Errors: CT_ERR_SHAPE for an empty x ("specify dim").
 */
CT_API ct_status ct_max(ct_tensor **out, ct_tensor *x);
/** The smallest element, as torch.min(x); as ct_max(). */
CT_API ct_status ct_min(ct_tensor **out, ct_tensor *x);
/**
 * Largest values along one dim and their int64 indices (the first one on
 * ties; a NaN wins), as torch.max(x, dim, keepdim). Every dtype but complex.
 * Errors: CT_ERR_SHAPE when dim has size 0.
 */
CT_API ct_status ct_max_dim(ct_tensor **values, ct_tensor **indices, ct_tensor *x, int64_t dim,
                            bool keepdim);
/** ct_max_dim() into values (x's dtype) and indices (int64). */
CT_API ct_status ct_max_dim_out(ct_tensor *values, ct_tensor *indices, ct_tensor *x, int64_t dim,
                                bool keepdim);
/** Smallest values along one dim and their indices, as torch.min(x, dim, keepdim). */
CT_API ct_status ct_min_dim(ct_tensor **values, ct_tensor **indices, ct_tensor *x, int64_t dim,
                            bool keepdim);
/** ct_min_dim() into values and indices. */
CT_API ct_status ct_min_dim_out(ct_tensor *values, ct_tensor *indices, ct_tensor *x, int64_t dim,
                                bool keepdim);
/**
 * Largest value over dims, as torch.amax; NaN propagates. Every dtype but
 * complex. Errors: CT_ERR_SHAPE when a reduced dim has size 0.
 */
CT_API ct_status ct_amax(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                         bool keepdim);
/** ct_amax() into out. */
CT_API ct_status ct_amax_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                             bool keepdim);
/** Smallest value over dims, as torch.amin. */
CT_API ct_status ct_amin(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                         bool keepdim);
/** ct_amin() into out. */
CT_API ct_status ct_amin_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                             bool keepdim);
/**
 * int64 index of the largest element, as torch.argmax: along *dim, or over
 * the flattened x when dim is NULL (keepdim then keeps every dim with size
 * 1). First index on ties; a NaN wins. Integers and floats (not bool, not
 * complex). Errors: CT_ERR_SHAPE when the reduction is empty.
 */
CT_API ct_status ct_argmax(ct_tensor **out, ct_tensor *x, const int64_t *dim, bool keepdim);
/** ct_argmax() into out (int64). */
CT_API ct_status ct_argmax_out(ct_tensor *out, ct_tensor *x, const int64_t *dim, bool keepdim);
/** int64 index of the smallest element, as torch.argmin; as ct_argmax(). */
CT_API ct_status ct_argmin(ct_tensor **out, ct_tensor *x, const int64_t *dim, bool keepdim);
/** ct_argmin() into out (int64). */
CT_API ct_status ct_argmin_out(ct_tensor *out, ct_tensor *x, const int64_t *dim, bool keepdim);

/* ---- statistics and norms ------------------------------------------------------------------- */

/**
 * Variance over dims with Bessel's correction (1 is PyTorch's default), as
 * torch.var(x, dim, correction=, keepdim=): sum |x - mean|^2 / max(0, N -
 * correction). Floating and complex inputs; complex gives its real dtype.
 */
CT_API ct_status ct_var(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                        double correction, bool keepdim);
/** ct_var() into out. */
CT_API ct_status ct_var_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                            double correction, bool keepdim);
/** Standard deviation, sqrt of ct_var(), as torch.std. */
CT_API ct_status ct_std(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                        double correction, bool keepdim);
/** ct_std() into out. */
CT_API ct_status ct_std_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                            double correction, bool keepdim);
/** Variance and mean (x's dtype) in one pass over the data, as torch.var_mean. */
CT_API ct_status ct_var_mean(ct_tensor **var, ct_tensor **mean, ct_tensor *x, const int64_t *dims,
                             int32_t ndims, double correction, bool keepdim);
/** Standard deviation and mean, as torch.std_mean. */
CT_API ct_status ct_std_mean(ct_tensor **std, ct_tensor **mean, ct_tensor *x, const int64_t *dims,
                             int32_t ndims, double correction, bool keepdim);
/**
 * Vector p-norm over dims, as torch.linalg.vector_norm(x, ord=p, dim,
 * keepdim, dtype): any p, with INFINITY (max |x|), -INFINITY (min |x|) and 0
 * (the count of nonzeros). Floating and complex inputs; the result is real.
 * dtype (CT_DTYPE_NONE: x's) must be floating for real x and complex for
 * complex x, and no narrower than x. Errors: CT_ERR_SHAPE for p = +-inf or
 * p < 0 over an empty reduction (no identity).
 */
CT_API ct_status ct_norm(ct_tensor **out, ct_tensor *x, double p, const int64_t *dims,
                         int32_t ndims, bool keepdim, ct_dtype dtype);
/** ct_norm() into out (of the real result dtype). */
CT_API ct_status ct_norm_out(ct_tensor *out, ct_tensor *x, double p, const int64_t *dims,
                             int32_t ndims, bool keepdim, ct_dtype dtype);
/** Frobenius norm over dims, as torch.norm(x, "fro", dim): ct_norm() with p = 2. */
CT_API ct_status ct_norm_fro(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                             bool keepdim);

/* ---- logical reductions --------------------------------------------------------------------- */

/**
 * Whether every element over dims is nonzero (NaN counts as nonzero), as
 * torch.all; a bool result for every input dtype (uint8 included). Empty: true.
 */
CT_API ct_status ct_all(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                        bool keepdim);
/** ct_all() into out (bool). */
CT_API ct_status ct_all_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                            bool keepdim);
/** Whether any element over dims is nonzero, as torch.any; bool result. Empty: false. */
CT_API ct_status ct_any(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                        bool keepdim);
/** ct_any() into out (bool). */
CT_API ct_status ct_any_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                            bool keepdim);
/** Number of nonzero elements over dims (int64, dims removed), as torch.count_nonzero. */
CT_API ct_status ct_count_nonzero(ct_tensor **out, ct_tensor *x, const int64_t *dims,
                                  int32_t ndims);

/* ---- scans and softmax ---------------------------------------------------------------------- */

/**
 * Running sum along dim, as torch.cumsum(x, dim, dtype=dtype): bool and
 * integers give int64 unless dtype says otherwise. float16/bfloat16 accumulate
 * in float32, float32 in float64, as PyTorch on the CPU.
 */
CT_API ct_status ct_cumsum(ct_tensor **out, ct_tensor *x, int64_t dim, ct_dtype dtype);
/** ct_cumsum() into out (x's shape). */
CT_API ct_status ct_cumsum_out(ct_tensor *out, ct_tensor *x, int64_t dim, ct_dtype dtype);
/** In-place running sum along dim, as Tensor.cumsum_ (x keeps its dtype). */
CT_API ct_status ct_cumsum_(ct_tensor *x, int64_t dim);
/** Running product along dim, as torch.cumprod; dtypes as ct_cumsum(). */
CT_API ct_status ct_cumprod(ct_tensor **out, ct_tensor *x, int64_t dim, ct_dtype dtype);
/** ct_cumprod() into out. */
CT_API ct_status ct_cumprod_out(ct_tensor *out, ct_tensor *x, int64_t dim, ct_dtype dtype);
/** In-place running product along dim, as Tensor.cumprod_. */
CT_API ct_status ct_cumprod_(ct_tensor *x, int64_t dim);
/**
 * exp(x) / sum(exp(x)) along dim, as torch.softmax(x, dim, dtype=dtype). x (or
 * dtype, when given; x is converted to it first) must be a floating dtype.
 */
CT_API ct_status ct_softmax(ct_tensor **out, ct_tensor *x, int64_t dim, ct_dtype dtype);
/** ct_softmax() into out. */
CT_API ct_status ct_softmax_out(ct_tensor *out, ct_tensor *x, int64_t dim, ct_dtype dtype);
/** x - log(sum(exp(x))) along dim, as torch.log_softmax; as ct_softmax(). */
CT_API ct_status ct_log_softmax(ct_tensor **out, ct_tensor *x, int64_t dim, ct_dtype dtype);
/** ct_log_softmax() into out. */
CT_API ct_status ct_log_softmax_out(ct_tensor *out, ct_tensor *x, int64_t dim, ct_dtype dtype);

/* ---- sorting -------------------------------------------------------------------------------- */

/**
 * Sorts along dim, as torch.sort(x, dim, descending, stable): values (x's
 * dtype) and int64 indices into x. NaN sorts above everything (last when
 * ascending, first when descending). The sort is always stable (equal
 * elements keep their order), so stable only documents intent. Every dtype
 * but complex. values or indices may be NULL when not wanted (not both).
 */
CT_API ct_status ct_sort(ct_tensor **values, ct_tensor **indices, ct_tensor *x, int64_t dim,
                         bool descending, bool stable);
/** The int64 indices that sort x along dim, as torch.argsort; as ct_sort(). */
CT_API ct_status ct_argsort(ct_tensor **out, ct_tensor *x, int64_t dim, bool descending,
                            bool stable);
/**
 * The k largest (or smallest) elements along dim and their int64 indices, as
 * torch.topk(x, k, dim, largest, sorted); the result is always in sorted
 * order, ties by index. Integers and floats (not bool, not complex).
 * Errors: CT_ERR_INDEX (k < 0 or k > the size of dim).
 */
CT_API ct_status ct_topk(ct_tensor **values, ct_tensor **indices, ct_tensor *x, int64_t k,
                         int64_t dim, bool largest, bool sorted);
/**
 * The distinct elements of the flattened x in ascending order, as
 * torch.unique(x, sorted, return_inverse, return_counts): out is 1-d of x's
 * dtype; *inverse (int64, x's shape: the position in out of each element) and
 * *counts (int64, out's length) are computed only when the pointer is not
 * NULL. Each NaN is its own element. The result is sorted whatever sorted
 * says. Every dtype but complex.
 */
CT_API ct_status ct_unique(ct_tensor **out, ct_tensor **inverse, ct_tensor **counts, ct_tensor *x,
                           bool sorted);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_REDUCE_H */
